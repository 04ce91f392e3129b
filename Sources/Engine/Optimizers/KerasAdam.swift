/// Keras 3 `Adam` (no AMSGrad): moments stored uncorrected, bias correction folded into the step size.
///
/// ```
/// t' = t + 1                                   (t = updates already made)
/// α  = η·√(1 − β2^t') / (1 − β1^t')
/// m ← m + (g − m)·(1 − β1)
/// v ← v + (g² − v)·(1 − β2)
/// θ ← θ − (m·α) / (√v + ε)
/// ```
/// (`m + (g − m)(1 − β1)` is Keras' operation order for `β1·m + (1 − β1)·g`.)
public struct KerasAdam: Optimizer {
    /// β1.
    public let beta1: Double
    /// β2.
    public let beta2: Double
    /// ε (1e-7 by default).
    public let epsilon: Double
    /// `m` then `v`, end to end.
    @usableFromInline var moments: [Double]
    @usableFromInline let count: Int

    /// Creates the optimizer with zero moments.
    public init(parameterCount: Int, settings: OptimizerSettings) {
        beta1 = settings.beta1
        beta2 = settings.beta2
        epsilon = settings.epsilon
        count = parameterCount
        moments = [Double](repeating: 0, count: 2 * parameterCount)
    }

    /// `["m", "v"]`.
    public var stateNames: [String] { ["m", "v"] }

    /// Applies the Keras update (see the type's documentation).
    @inlinable
    public mutating func update(
        theta: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>,
        learningRate: Double, step t: Int
    ) {
        let localStep = Double(t + 1)
        let alpha = learningRate * (1 - power(beta2, localStep)).squareRoot() / (1 - power(beta1, localStep))
        let oneMinusBeta1 = 1 - beta1, oneMinusBeta2 = 1 - beta2, eps = epsilon
        let n = count
        moments.withUnsafeMutableBufferPointer { state in
            for i in 0..<n {
                let g = gradient[i]
                state[i] += (g - state[i]) * oneMinusBeta1
                state[n + i] += (g * g - state[n + i]) * oneMinusBeta2
                theta[i] -= (state[i] * alpha) / (state[n + i].squareRoot() + eps)
            }
        }
    }

    /// `m` then `v`.
    @inlinable
    public func withState<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try moments.withUnsafeBufferPointer(body)
    }
}
