/// A node of a parsed expression. Names are already resolved to a parameter,
/// a named constant or a data column index.
public indirect enum ExpressionNode: Hashable, Sendable {
    /// A literal number (never negative: `-2` is `negate(number(2))`).
    case number(Double)
    /// The parameter declared at `index` (for scalar parameters, its index in θ).
    case parameter(index: Int, name: String)
    /// A named constant: a scalar, vector or matrix.
    case constant(name: String, value: ArrayValue)
    /// The data column at `index` in the table's column order.
    case column(index: Int, name: String)
    /// Unary minus.
    case negate(ExpressionNode)
    /// A binary operation.
    case binary(BinaryOperator, ExpressionNode, ExpressionNode)
    /// A function call; `arguments.count == function.arity`.
    case call(ExpressionFunction, [ExpressionNode])
    /// A call of an array function; `arguments.count` is in `function.argumentCounts`.
    case arrayCall(ArrayFunction, [ExpressionNode])
    /// An array literal `[e₀, e₁, …]`: all scalars (a vector) or all vectors of one length (a matrix's rows).
    case array([ExpressionNode])
    /// Indexing and slicing: one subscript per dimension, or one on a matrix (`A[i]` is row i).
    case index(ExpressionNode, [ExpressionSubscript])
}

/// One subscript of an indexing expression.
///
/// ```
/// v[2]      position: a dimension dropped
/// v[k]      data column holding a whole number: a dimension dropped, chosen per row
/// v[1:3]    range 1..<3 (either end may be left out: v[:2], A[:,0])
/// ```
public enum ExpressionSubscript: Hashable, Sendable {
    /// A literal index, 0-based.
    case position(Int)
    /// The index held by a data column in the current row (whole numbers only).
    case column(index: Int, name: String)
    /// The half-open range `lower..<upper`; `nil` ends mean the start and the end.
    case range(Int?, Int?)
}

/// The binary operators, loosest first: `+ -`, then `* / @`, then `^`.
///
/// `+ - * /` are left-associative; `^` is right-associative and binds tighter
/// than unary minus:
/// ```
/// a - b - c = (a - b) - c,   a^b^c = a^(b^c),   -x^2 = −(x²)
/// ```
public enum BinaryOperator: String, Sendable, CaseIterable {
    /// `a + b`
    case add = "+"
    /// `a - b`
    case subtract = "-"
    /// `a * b`
    case multiply = "*"
    /// `a / b`
    case divide = "/"
    /// `A @ B`, the matrix product (matrix–vector, vector–matrix; vector–vector is the dot product)
    case matrixProduct = "@"
    /// `a ^ b`
    case power = "^"
}
