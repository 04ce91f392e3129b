/// An expression read from text, with every name resolved against a list of
/// parameters and a list of data columns.
///
/// Grammar (`^` right-associative, binding tighter than unary minus):
/// ```
/// sum     := product (('+' | '-') product)*
/// product := unary (('*' | '/') unary)*
/// unary   := ('-' | '+') unary | power
/// power   := primary ('^' unary)?
/// primary := number | name | function '(' sum (',' sum)* ')' | '(' sum ')'
/// ```
public struct ParsedExpression: Equatable, Sendable, CustomStringConvertible {
    /// The longest accepted input, in characters.
    public static let maximumLength = 10_000
    /// The deepest accepted nesting (parentheses, operators and calls inside each other).
    public static let maximumDepth = 100

    /// The text as given.
    public let text: String
    /// The root of the tree.
    public let root: ExpressionNode
    /// The parameter names the expression was resolved against.
    public let parameterNames: [String]
    /// The data column names the expression was resolved against.
    public let columnNames: [String]

    /// Parses `text`, resolving each name to a parameter or a data column.
    ///
    /// Throws an `ExpressionError` naming the problem and its column. A name that
    /// is both a parameter and a column, a repeated parameter, and a parameter
    /// that is not a valid name are errors too.
    public init(parsing text: String, parameters: [String], columns: [String] = []) throws(ExpressionError) {
        try ParsedExpression.validate(parameters: parameters, columns: columns)
        var parser = try Parser(text: text, parameters: parameters, columns: columns)
        self.text = text
        self.root = try parser.parse()
        self.parameterNames = parameters
        self.columnNames = columns
    }

    /// The expression printed back with the fewest parentheses that keep its structure:
    /// `0.5*(y - (a2*x^2 + a1*x + a0))^2`.
    public var description: String { root.description }

    private static func validate(parameters: [String], columns: [String]) throws(ExpressionError) {
        var seen = Set<String>()
        for name in parameters {
            guard Lexer.isName(name) else {
                throw ExpressionError(kind: .invalidNames, message: "parameter name '\(name)' is not a valid name (letters, digits, '_', not starting with a digit)")
            }
            guard seen.insert(name).inserted else {
                throw ExpressionError(kind: .invalidNames, message: "parameter '\(name)' is listed twice")
            }
            if ExpressionFunction(rawValue: name) != nil {
                throw ExpressionError(kind: .invalidNames, message: "parameter '\(name)' has the name of a function")
            }
        }
        for name in columns where seen.contains(name) {
            throw ExpressionError(kind: .invalidNames, message: "'\(name)' is both a parameter and a data column")
        }
    }
}
