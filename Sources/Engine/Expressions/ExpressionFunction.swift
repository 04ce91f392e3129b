/// The element-wise functions of the expression language, with their arity.
/// On arrays they apply element by element (`min` and `max` broadcast their
/// two operands); the functions that take or make arrays are `ArrayFunction`s.
///
/// Derivatives, with the choices made where the function has a kink:
/// ```
/// exp'(x)      = exp(x)
/// log'(x)      = 1/x
/// log1p'(x)    = 1/(1 + x)
/// sqrt'(x)     = 1/(2 sqrt(x))          (+inf at 0)
/// abs'(x)      = sign(x)                (abs'(0) = 0)
/// sin'(x)      = cos(x),  cos'(x) = −sin(x)
/// tanh'(x)     = 1 − tanh(x)²
/// sigmoid(x)   = 1/(1 + e^(−x)),             sigmoid' = sigmoid (1 − sigmoid)
/// softplus(x)  = max(x, 0) + log1p(e^(−|x|)), softplus' = sigmoid
/// relu(x)      = max(x, 0)               (relu'(0) = 0)
/// min(a, b), max(a, b)                   (a tie sends the gradient to a)
/// ```
public enum ExpressionFunction: String, CaseIterable, Sendable {
    /// eˣ
    case exp
    /// Natural logarithm.
    case log
    /// log(1 + x), accurate near 0.
    case log1p
    /// Square root.
    case sqrt
    /// |x|
    case abs
    /// Sine (radians).
    case sin
    /// Cosine (radians).
    case cos
    /// Hyperbolic tangent.
    case tanh
    /// Logistic function 1/(1 + e^(−x)).
    case sigmoid
    /// log(1 + eˣ).
    case softplus
    /// max(x, 0).
    case relu
    /// The smaller of two arguments.
    case min
    /// The larger of two arguments.
    case max

    /// How many arguments a call takes: 2 for `min` and `max`, 1 for the rest.
    public var arity: Int {
        switch self {
        case .min, .max: return 2
        default: return 1
        }
    }
}
