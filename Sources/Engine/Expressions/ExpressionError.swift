/// Why an expression could not be read or compiled: one user-facing line and,
/// where known, the 1-based column it points at.
///
/// `message` already contains the column, so it can be shown as is:
/// ```
/// unknown name 'q' at column 14 (parameters: a2, a1, a0; data columns: x, y)
/// syntax error at column 7: expected ')'
/// ```
public struct ExpressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kinds of mistakes an expression can contain.
    public enum Kind: String, Equatable, Sendable {
        /// Nothing but white space.
        case emptyExpression
        /// Longer than `ParsedExpression.maximumLength` characters.
        case tooLong
        /// Nested deeper than `ParsedExpression.maximumDepth` levels.
        case tooDeep
        /// A character that is not part of the language (`$`, `é`, `**`).
        case invalidCharacter
        /// A number that does not read as one (`1e`, `1.2.3`).
        case malformedNumber
        /// Tokens in an order the grammar does not allow.
        case syntax
        /// A name that is neither a parameter, a constant nor a data column.
        case unknownName
        /// A call to a function the language does not have.
        case unknownFunction
        /// A call with the wrong number of arguments.
        case argumentCount
        /// The parameter or column names themselves are unusable (duplicated, shared, not names).
        case invalidNames
        /// A claimed gradient with a different number of partials than parameters.
        case gradientCount
        /// A parameter declaration that does not read (`a[0]`, `a[2,3,4]`, `a[x]`).
        case invalidDeclaration
        /// Operands whose shapes an operation cannot combine, or a result that is not a scalar.
        case shapeMismatch
        /// An argument that must be a literal (an axis, a size, an index) and is not a valid one.
        case invalidArgument
        /// A value with more than `ParsedExpression.maximumElements` elements.
        case tooLarge
    }

    /// What went wrong, by kind.
    public let kind: Kind
    /// One line for the user, column included where known.
    public let message: String
    /// The 1-based column (in characters) the message points at, if any.
    public let column: Int?

    /// Creates an error; `message` should already mention `column` when there is one.
    public init(kind: Kind, message: String, column: Int? = nil) {
        self.kind = kind
        self.message = message
        self.column = column
    }

    /// The message.
    public var description: String { message }
}
