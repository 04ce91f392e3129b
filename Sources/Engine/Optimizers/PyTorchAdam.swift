/// PyTorch `torch.optim.Adam` (no AMSGrad, no weight decay), in PyTorch's operation order.
///
/// ```
/// t' = t + 1                                   (t = updates already made)
/// m ← m + (1 − β1)·(g − m)                     (torch.lerp; for β1 < 0.5: g − (g − m)·β1)
/// v ← v·β2 + (1 − β2)·g·g
/// θ ← θ + (−η / (1 − β1^t'))·m / (√v / √(1 − β2^t') + ε)
/// ```
/// Mathematically `θ ← θ − η·m̂ / (√v̂ + ε)` with `m̂ = m/(1 − β1^t')`, `v̂ = v/(1 − β2^t')`.
public struct PyTorchAdam: Optimizer {
    /// β1.
    public let beta1: Double
    /// β2.
    public let beta2: Double
    /// ε (1e-8 by default).
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

    /// Applies the PyTorch update (see the type's documentation).
    @inlinable
    public mutating func update(
        theta: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>,
        learningRate: Double, step t: Int
    ) {
        let step = Double(t + 1)
        let biasCorrection1 = 1 - power(beta1, step)
        let biasCorrection2Root = (1 - power(beta2, step)).squareRoot()
        let minusStepSize = -(learningRate / biasCorrection1)
        let weight = 1 - beta1, oneMinusBeta2 = 1 - beta2, beta2 = self.beta2, eps = epsilon
        let n = count
        moments.withUnsafeMutableBufferPointer { state in
            for i in 0..<n {
                let g = gradient[i]
                // torch.lerp switches formulas at weight 0.5 for accuracy.
                state[i] = weight < 0.5 ? state[i] + weight * (g - state[i]) : g - (g - state[i]) * (1 - weight)
                state[n + i] = state[n + i] * beta2 + oneMinusBeta2 * g * g
                let denominator = state[n + i].squareRoot() / biasCorrection2Root + eps
                theta[i] += minusStepSize * state[i] / denominator
            }
        }
    }

    /// `m` then `v`.
    @inlinable
    public func withState<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try moments.withUnsafeBufferPointer(body)
    }
}
