/// A step table a lesson asks for.
public struct TableSpec {
    /// The id `{{table ID}}` names.
    public var id: String
    /// The run whose trace the table shows.
    public var run: String
    /// Trace columns: `step`, `epoch`, `lr`, `loss`, a parameter name, `grad.<p>`, `update.<p>`, `<state>.<p>`.
    public var columns: [String]
    /// Rows kept from the start; an ellipsis row follows when rows are left out.
    public var head: Int
    /// Rows kept from the end.
    public var tail: Int
    /// The lesson's words under the table (notes markup).
    public var caption: String
    /// Significant digits of the numbers.
    public var digits: Int
    /// Cells a worksheet leaves blank for the student (filled in the answer key).
    public var blanks: [TableBlank] = []
}

/// Cells of one table column a worksheet leaves blank: `blank = { "velocity.x" = [1, 2] }`.
public struct TableBlank: Equatable, Sendable {
    /// The column, as the table names it.
    public var column: String
    /// The steps (rows) blanked.
    public var steps: [Int]

    /// A column's blanks.
    public init(column: String, steps: [Int]) { self.column = column; self.steps = steps }
}
