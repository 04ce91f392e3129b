/// A table of finite numbers with named columns, stored row-major.
///
/// ```
/// values[row * columnCount + column]
/// ```
/// Load one from a CSV file with `DataTable(contentsOfCSVFile:)` or build one in
/// memory with `DataTable(columnNames:rows:)`.
public struct DataTable: Equatable, Sendable {
    /// The column names, in file order.
    public let columnNames: [String]
    /// Every value, row after row.
    public let values: [Double]

    /// The number of columns.
    public var columnCount: Int { columnNames.count }
    /// The number of data rows.
    public var rowCount: Int { columnNames.isEmpty ? 0 : values.count / columnNames.count }

    /// Builds a table from rows of values; every row must have one value per column.
    ///
    /// Throws a `DataTableError` for empty, duplicated or missing column names,
    /// a row of the wrong length or a non-finite value (the source is named `"table"`).
    public init(columnNames: [String], rows: [[Double]]) throws(DataTableError) {
        try DataTable.validate(columnNames: columnNames, source: "table", line: nil)
        var values: [Double] = []
        values.reserveCapacity(rows.count * columnNames.count)
        for (r, row) in rows.enumerated() {
            guard row.count == columnNames.count else {
                throw DataTableError(message: "table row \(r + 1): expected \(columnNames.count) values, found \(row.count)")
            }
            for (c, value) in row.enumerated() where !value.isFinite {
                throw DataTableError(
                    message: "table row \(r + 1), column '\(columnNames[c])': \(value) is not a finite number",
                    column: columnNames[c])
            }
            values.append(contentsOf: row)
        }
        self.columnNames = columnNames
        self.values = values
    }

    /// Builds a table from named columns of equal length, in the order given.
    public init(columns: [(name: String, values: [Double])]) throws(DataTableError) {
        let count = columns.first?.values.count ?? 0
        for column in columns where column.values.count != count {
            throw DataTableError(
                message: "table column '\(column.name)': expected \(count) values, found \(column.values.count)",
                column: column.name)
        }
        let rows = (0..<count).map { r in columns.map { $0.values[r] } }
        try self.init(columnNames: columns.map(\.name), rows: rows)
    }

    /// Wraps already-checked storage.
    init(checkedColumnNames: [String], values: [Double]) {
        self.columnNames = checkedColumnNames
        self.values = values
    }

    /// The value at `row`, `column` (both 0-based).
    public subscript(row: Int, column: Int) -> Double {
        values[row * columnCount + column]
    }

    /// The index of the column called `name`, if there is one.
    public func columnIndex(named name: String) -> Int? {
        columnNames.firstIndex(of: name)
    }

    /// Every value of the column called `name`, top to bottom, if there is one.
    public func column(named name: String) -> [Double]? {
        guard let c = columnIndex(named: name) else { return nil }
        return (0..<rowCount).map { self[$0, c] }
    }

    /// Checks column names: none empty, none repeated, at least one.
    static func validate(columnNames: [String], source: String, line: Int?) throws(DataTableError) {
        let place = line.map { "\(source) line \($0)" } ?? source
        guard !columnNames.isEmpty else {
            throw DataTableError(message: "\(place): no columns", line: line)
        }
        var first: [String: Int] = [:]
        for (i, name) in columnNames.enumerated() {
            guard !name.isEmpty else {
                throw DataTableError(message: "\(place): column \(i + 1) has an empty name", line: line)
            }
            if let earlier = first[name] {
                throw DataTableError(
                    message: "\(place): column name \(ErrorText.quoted(name)) appears twice (columns \(earlier + 1) and \(i + 1))",
                    line: line, column: name)
            }
            first[name] = i
        }
    }
}
