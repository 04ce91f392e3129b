/// Why a data table could not be loaded or built: one line naming the source,
/// the line and column where known, and the problem.
///
/// ```
/// data.csv line 4: expected 2 fields, found 3
/// data.csv line 3, column 'y': 'abc' is not a number
/// ```
public struct DataTableError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The line for the user.
    public let message: String
    /// The 1-based line in the file, where known.
    public let line: Int?
    /// The column name, where known.
    public let column: String?

    /// Creates an error; `message` should already name the source, line and column.
    public init(message: String, line: Int? = nil, column: String? = nil) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// The message.
    public var description: String { message }
}
