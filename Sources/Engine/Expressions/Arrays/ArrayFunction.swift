/// The functions of the expression language that take or make arrays.
/// (The element-wise functions, `ExpressionFunction`, apply to arrays too.)
///
/// ```
/// transpose(A)        Aᵀ                        [m,n] → [n,m]; a vector or scalar is unchanged
/// sum(A), mean(A)     Σᵢⱼ Aᵢⱼ, its mean          → scalar
/// sum(A, axis)        Σ over rows (0) or columns (1): [m,n] → [n] (axis 0) or [m] (axis 1); [n] → scalar (axis 0)
/// mean(A, axis)       the same, divided by the length summed over
/// dot(a, b)           Σᵢ aᵢ bᵢ                  equal shapes → scalar
/// norm(A)             √(Σ Aᵢⱼ²)                 2-norm of a vector, Frobenius norm of a matrix
/// norm(A, axis)       the norm of every column (0) or row (1), like sum(A, axis)
/// sumsq(A)            Σ Aᵢⱼ²
/// diag(A)             (A₀₀, A₁₁, …)              [m,n] → [min(m,n)]
/// trace(A)            Σᵢ Aᵢᵢ
/// softmax(v)          eᵛⁱ / Σⱼ eᵛʲ              [n] → [n]   (computed with max(v) subtracted)
/// logsumexp(v)        log Σⱼ eᵛʲ                [n] → scalar (likewise stable)
/// onehot(k, n)        eₖ ∈ Rⁿ                    k a whole number (a data column), n a literal; not differentiated
/// correlate(A, K)     (A ⋆ K)ᵢⱼ = Σₚₑ Kₚₑ A₍ᵢ₊ₚ₎₍ⱼ₊ₑ₎   valid mode: [m,n] with [p,q] → [m−p+1, n−q+1]
/// pad(A, k)           A with k rows and columns added on every side, copies of the nearest edge
/// ```
/// Gradients, with the choices made where a function has a kink:
/// ```
/// ∂norm(v)/∂v = v / norm(v)        0 when v = 0 (the smallest subgradient, like abs'(0) = 0)
/// ∂softmax(v)ᵢ/∂vⱼ = sᵢ ([i = j] − sⱼ),    ∂logsumexp(v)/∂v = softmax(v)
/// ∂(A ⋆ K)/∂A, ∂(A ⋆ K)/∂K: both, so a kernel may be a parameter too
/// ∂pad(A, k)/∂A: each edge element collects the adjoints of its copies
/// ```
/// An `onehot` index or a data-column subscript that is not a whole number in
/// range gives NaN (so the loss of that row is NaN), never a crash.
public enum ArrayFunction: String, CaseIterable, Sendable {
    /// Aᵀ.
    case transpose
    /// Σ of all elements, or along an axis.
    case sum
    /// Mean of all elements, or along an axis.
    case mean
    /// Σᵢ aᵢ bᵢ.
    case dot
    /// 2-norm (Frobenius for a matrix), or per column / row.
    case norm
    /// Σ of squares.
    case sumsq
    /// The diagonal of a matrix, as a vector.
    case diag
    /// Σᵢ Aᵢᵢ.
    case trace
    /// eᵛ / Σ eᵛ of a vector.
    case softmax
    /// log Σ eᵛ of a vector.
    case logsumexp
    /// The k-th unit vector of length n.
    case onehot
    /// 2-D valid-mode correlation.
    case correlate
    /// Padding that repeats the edge.
    case pad

    /// How many arguments a call takes.
    public var argumentCounts: ClosedRange<Int> {
        switch self {
        case .sum, .mean, .norm: return 1...2
        case .dot, .onehot, .correlate, .pad: return 2...2
        default: return 1...1
        }
    }
}
