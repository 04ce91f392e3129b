/// PyTorch `torch.optim.RMSprop` (no momentum, not centered): ε outside the square root.
///
/// ```
/// ms ← ms·ρ + (1 − ρ)·g·g          (PyTorch calls ρ `alpha`, default 0.99)
/// θ ← θ + (−η)·g / (√ms + ε)
/// ```
public struct PyTorchRMSprop: Optimizer {
    /// ρ, PyTorch's `alpha` (0.99 by default).
    public let rho: Double
    /// ε (1e-8 by default).
    public let epsilon: Double
    @usableFromInline var meanSquare: [Double]

    /// Creates the optimizer with a zero mean square.
    public init(parameterCount: Int, settings: OptimizerSettings) {
        rho = settings.rho
        epsilon = settings.epsilon
        meanSquare = [Double](repeating: 0, count: parameterCount)
    }

    /// `["mean_square"]`.
    public var stateNames: [String] { ["mean_square"] }

    /// Applies the PyTorch update (see the type's documentation).
    @inlinable
    public mutating func update(
        theta: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>,
        learningRate: Double, step t: Int
    ) {
        let rho = self.rho, oneMinusRho = 1 - self.rho, eps = epsilon
        let minusEta = -learningRate
        meanSquare.withUnsafeMutableBufferPointer { ms in
            for i in 0..<theta.count {
                let g = gradient[i]
                ms[i] = ms[i] * rho + oneMinusRho * g * g
                theta[i] += minusEta * g / (ms[i].squareRoot() + eps)
            }
        }
    }

    /// The mean square.
    @inlinable
    public func withState<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try meanSquare.withUnsafeBufferPointer(body)
    }
}
