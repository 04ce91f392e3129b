import Engine
import Foundation
import Testing

/// Writes `contents` to a fresh file `name` in a new temporary folder and returns its path.
private func temporaryFile(_ name: String, _ contents: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steptrace-data-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try contents.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}

private func csvError(_ text: String) -> DataTableError? {
    do {
        _ = try DataTable(csv: text, source: "data.csv")
        return nil
    } catch {
        return error
    }
}

@Suite("Data tables")
struct DataTableTests {
    @Test("a CSV file loads row-major with its header's names")
    func load() throws {
        let path = try temporaryFile("data.csv", "x,y\n0,0\n1,1\n1,2\n2,1\n")
        let table = try DataTable(contentsOfCSVFile: path)
        #expect(table.columnNames == ["x", "y"])
        #expect(table.values == [0, 0, 1, 1, 1, 2, 2, 1])
        #expect(table.rowCount == 4 && table.columnCount == 2)
        #expect(table[2, 1] == 2)
        #expect(table.column(named: "y") == [0, 1, 2, 1])
        #expect(table.column(named: "z") == nil)
    }

    @Test("spaces, CRLF, a BOM, quoted names, blank and trailing lines, number forms")
    func lenientFormatting() throws {
        let text = "\u{FEFF} \"x\" ,  y \r\n\r\n  1.5 , -2e-3\r\n+3,.25\r\n\r\n   \r\n"
        let table = try DataTable(csv: text, source: "data.csv")
        #expect(table.columnNames == ["x", "y"])
        #expect(table.values == [1.5, -0.002, 3, 0.25])
    }

    @Test("one-line errors with line and column", arguments: [
        ("", "data.csv: empty file", nil as Int?, nil as String?),
        ("\n  \n", "data.csv: empty file", nil, nil),
        ("x,y\n", "data.csv: no data rows after the header", nil, nil),
        ("x,y\n1,2\n3,4\n5,6,7\n", "data.csv line 4: expected 2 fields, found 3", 4, nil),
        ("x,y\n1,2\n3\n", "data.csv line 3: expected 2 fields, found 1", 3, nil),
        ("x,y\n1,2\n3,abc\n", "data.csv line 3, column 'y': 'abc' is not a number", 3, "y"),
        ("x,y\n1,2\n3,nan\n", "data.csv line 3, column 'y': 'nan' is not a finite number", 3, "y"),
        ("x,y\ninf,2\n", "data.csv line 2, column 'x': 'inf' is not a finite number", 2, "x"),
        ("x,y\n1e999,2\n", "data.csv line 2, column 'x': '1e999' is not a finite number", 2, "x"),
        ("x,y\n0x10,2\n", "data.csv line 2, column 'x': '0x10' is not a number", 2, "x"),
        ("x,y\n1,\n", "data.csv line 2, column 'y': empty field", 2, "y"),
        ("x,x\n1,2\n", "data.csv line 1: column name 'x' appears twice (columns 1 and 2)", 1, "x"),
        ("x,,y\n1,2,3\n", "data.csv line 1: column 2 has an empty name", 1, nil),
        ("0,0\n1,1\n", "data.csv line 1: the first line must name the columns, found only numbers", 1, nil),
    ] as [(String, String, Int?, String?)])
    func errors(text: String, message: String, line: Int?, column: String?) {
        let error = csvError(text)
        #expect(error?.message == message)
        #expect(error?.line == line)
        #expect(error?.column == column)
    }

    @Test("a missing file is named in the error")
    func missingFile() {
        let error = #expect(throws: DataTableError.self) {
            try DataTable(contentsOfCSVFile: "/nonexistent/steptrace/data.csv", displayName: "lessons/fit/data.csv")
        }
        #expect(error?.message == "lessons/fit/data.csv: cannot open (No such file or directory)")
    }

    @Test("a folder is not a readable file")
    func folder() throws {
        let path = try temporaryFile("data.csv", "x\n1\n")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let error = #expect(throws: DataTableError.self) { try DataTable(contentsOfCSVFile: folder) }
        #expect(error?.message.hasPrefix("\(folder): cannot") == true)
    }

    @Test("errors from a file use its path")
    func fileErrors() throws {
        let path = try temporaryFile("data.csv", "x,y\n1,2\n3,4,5\n")
        #expect(throws: DataTableError(message: "\(path) line 3: expected 2 fields, found 3", line: 3)) {
            try DataTable(contentsOfCSVFile: path)
        }
    }

    @Test("in-memory tables: by rows and by columns, checked the same way")
    func inMemory() throws {
        let byRows = try DataTable(columnNames: ["x", "y"], rows: [[0, 0], [1, 1]])
        let byColumns = try DataTable(columns: [("x", [0, 1]), ("y", [0, 1])])
        #expect(byRows == byColumns)
        #expect(throws: DataTableError(message: "table row 2: expected 2 values, found 1")) {
            try DataTable(columnNames: ["x", "y"], rows: [[0, 0], [1]])
        }
        #expect(throws: DataTableError(message: "table row 1, column 'y': nan is not a finite number", column: "y")) {
            try DataTable(columnNames: ["x", "y"], rows: [[0, .nan]])
        }
        #expect(throws: DataTableError(message: "table column 'y': expected 2 values, found 1", column: "y")) {
            try DataTable(columns: [("x", [0, 1]), ("y", [0])])
        }
        #expect(throws: DataTableError(message: "table: column name 'x' appears twice (columns 1 and 2)", column: "x")) {
            try DataTable(columnNames: ["x", "x"], rows: [])
        }
    }
}
