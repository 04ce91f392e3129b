/// A node of a parsed expression. Names are already resolved to a parameter
/// or a data column index.
public indirect enum ExpressionNode: Equatable, Sendable {
    /// A literal number (never negative: `-2` is `negate(number(2))`).
    case number(Double)
    /// The parameter at `index` in the objective's parameter order.
    case parameter(index: Int, name: String)
    /// The data column at `index` in the table's column order.
    case column(index: Int, name: String)
    /// Unary minus.
    case negate(ExpressionNode)
    /// A binary operation.
    case binary(BinaryOperator, ExpressionNode, ExpressionNode)
    /// A function call; `arguments.count == function.arity`.
    case call(ExpressionFunction, [ExpressionNode])
}

/// The binary operators, loosest first: `+ -`, then `* /`, then `^`.
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
    /// `a ^ b`
    case power = "^"
}
