/// An expression read from text, with every name resolved against the
/// declared parameters (scalars, vectors, matrices), the named constants and
/// the data columns, and every shape checked. The whole expression must be a
/// scalar: it is a loss.
///
/// Grammar (`^` right-associative, binding tighter than unary minus; `@`
/// binds like `*`; subscripts bind tightest):
/// ```
/// sum       := product (('+' | '-') product)*
/// product   := unary (('*' | '/' | '@') unary)*
/// unary     := ('-' | '+') unary | power
/// power     := postfix ('^' unary)?
/// postfix   := primary ('[' subscript (',' subscript)? ']')*
/// subscript := integer | column | [integer] ':' [integer]
/// primary   := number | name | function '(' sum (',' sum)* ')' | '(' sum ')'
///            | '[' sum (',' sum)* ']'
/// ```
/// A name is a parameter, a named constant or a data column (a scalar per
/// row), looked up in that order. Values are scalars, vectors `[n]` and
/// matrices `[m,n]`:
/// ```
/// [1, 2, 3]                  a [3] vector;   [[1, 2], [3, 4]]  a [2,2] matrix (rows)
/// A + B, A - B, A * B, A / B, A ^ B, min(A, B), max(A, B)
///                            element-wise, broadcasting like NumPy (see `ArrayShape`)
/// exp(A), log(A), …          every `ExpressionFunction` applies element by element
/// A @ B                      [m,k]@[k,n] → [m,n];  [m,k]@[k] → [m];  [k]@[k,n] → [n];  [k]@[k] → scalar
/// v[i], A[i,j]               an element (0-based, literal);  A[i] is row i
/// v[1:3], A[:,1], A[0,:]     slices (half-open; an end left out means the start or the end)
/// v[k]                       k a data column holding a whole number (per row; out of range → NaN)
/// transpose, sum, mean, dot, norm, sumsq, diag, trace, softmax, logsumexp, onehot, correlate, pad
///                            see `ArrayFunction`
/// ```
/// For example, with `C[20,20]` a parameter and `X` a [5,20] constant:
/// ```
/// sumsq(X @ C - X) + 0.1*sum(norm(C, 0)) + sumsq(diag(C))
/// ```
/// Mistakes give one line with the column: `@: shapes [12,12] and [5] don't
/// match at column 14`, `the expression is a [3] vector; a loss must be a
/// scalar (use sum(...) or mean(...))`.
public struct ParsedExpression: Equatable, Sendable, CustomStringConvertible {
    /// The longest accepted input, in characters.
    public static let maximumLength = 10_000
    /// The deepest accepted nesting (parentheses, operators and calls inside each other).
    public static let maximumDepth = 100
    /// The most elements any value (a parameter, an intermediate result) may have.
    public static let maximumElements = 1_000_000

    /// The text as given.
    public let text: String
    /// The root of the tree.
    public let root: ExpressionNode
    /// The shape of the value: a scalar for a loss.
    public let shape: ArrayShape
    /// The declared parameters, in the order of θ.
    public let parameters: [ParameterDeclaration]
    /// The named constants the expression was resolved against.
    public let constants: [String: ArrayValue]
    /// The data column names the expression was resolved against.
    public let columnNames: [String]

    /// Parses `text` over scalar parameters, resolving each name to a parameter or a data column.
    ///
    /// Throws an `ExpressionError` naming the problem and its column. A name that
    /// is both a parameter and a column, a repeated parameter, and a parameter
    /// that is not a valid name are errors too.
    public init(parsing text: String, parameters: [String], columns: [String] = []) throws(ExpressionError) {
        try self.init(parsing: text, parameters: parameters.map { ParameterDeclaration(name: $0) }, columns: columns)
    }

    /// Parses `text` over shaped parameters, named constants and data columns.
    ///
    /// Throws an `ExpressionError` naming the problem and its column: syntax,
    /// unknown names (listing parameters, constants and columns), shapes an
    /// operation cannot combine, a result that is not a scalar, and names that
    /// are not valid, repeated or shared between parameters, constants and columns.
    public init(
        parsing text: String, parameters: [ParameterDeclaration], constants: [String: ArrayValue] = [:],
        columns: [String] = []
    ) throws(ExpressionError) {
        try self.init(parsing: text, parameters: parameters, constants: constants, columns: columns, allowingArrays: false)
    }

    /// Parses `text` like `init(parsing:parameters:constants:columns:)`; with `allowingArrays` the
    /// result may be a vector or matrix (`T - Y`, a model's class probabilities), not only a loss.
    public init(
        parsing text: String, parameters: [ParameterDeclaration], constants: [String: ArrayValue] = [:],
        columns: [String] = [], allowingArrays: Bool
    ) throws(ExpressionError) {
        try ParsedExpression.validate(parameters: parameters.map(\.name), constants: constants.keys.sorted(), columns: columns)
        var parser = try Parser(text: text, parameters: parameters, constants: constants, columns: columns)
        let (root, shape) = try parser.parse()
        guard shape.isScalar || allowingArrays else {
            throw ExpressionError(
                kind: .shapeMismatch,
                message: "the expression is \(shape.noun); a loss must be a scalar (use sum(...) or mean(...))")
        }
        self.text = text
        self.root = root
        self.shape = shape
        self.parameters = parameters
        self.constants = constants
        self.columnNames = columns
    }

    /// The names of the declared parameters (`a`, `C`), in declaration order.
    public var parameterNames: [String] { parameters.map(\.name) }

    /// The names of θ's elements: `b`, `a[0]`, …, `C[0,0]`, `C[0,1]`, … (see `ParameterDeclaration`).
    public var elementNames: [String] { parameters.flatMap(\.elementNames) }

    /// Whether the scalar tape can run it: every parameter a scalar and no
    /// array appears anywhere (array literals, array functions, indexing, `@`,
    /// constants that are not scalars).
    var isScalar: Bool {
        parameters.allSatisfy { $0.shape.isScalar } && ParsedExpression.isScalar(root)
    }

    private static func isScalar(_ node: ExpressionNode) -> Bool {
        switch node {
        case .number, .parameter, .column: return true
        case .constant(_, let value): return value.shape.isScalar
        case .negate(let a): return isScalar(a)
        case .binary(let op, let a, let b): return op != .matrixProduct && isScalar(a) && isScalar(b)
        case .call(_, let arguments): return arguments.allSatisfy(isScalar)
        case .arrayCall, .array, .index: return false
        }
    }

    /// The expression printed back with the fewest parentheses that keep its structure:
    /// `0.5*(y - (a2*x^2 + a1*x + a0))^2`.
    public var description: String { root.description }

    private static func validate(parameters: [String], constants: [String], columns: [String]) throws(ExpressionError) {
        var seen = Set<String>()
        for name in constants {
            guard Lexer.isName(name) else {
                throw ExpressionError(kind: .invalidNames, message: "constant name \(ErrorText.quoted(name)) is not a valid name (letters, digits, '_', not starting with a digit)")
            }
            if ExpressionFunction(rawValue: name) != nil || ArrayFunction(rawValue: name) != nil {
                throw ExpressionError(kind: .invalidNames, message: "constant '\(name)' has the name of a function")
            }
        }
        for name in parameters {
            guard Lexer.isName(name) else {
                throw ExpressionError(kind: .invalidNames, message: "parameter name '\(name)' is not a valid name (letters, digits, '_', not starting with a digit)")
            }
            guard seen.insert(name).inserted else {
                throw ExpressionError(kind: .invalidNames, message: "parameter '\(name)' is listed twice")
            }
            if ExpressionFunction(rawValue: name) != nil || ArrayFunction(rawValue: name) != nil {
                throw ExpressionError(kind: .invalidNames, message: "parameter '\(name)' has the name of a function")
            }
            if constants.contains(name) {
                throw ExpressionError(kind: .invalidNames, message: "'\(name)' is both a parameter and a constant")
            }
        }
        for name in columns where constants.contains(name) {
            throw ExpressionError(kind: .invalidNames, message: "'\(name)' is both a constant and a data column")
        }
        for name in columns where seen.contains(name) {
            throw ExpressionError(kind: .invalidNames, message: "'\(name)' is both a parameter and a data column")
        }
    }
}
