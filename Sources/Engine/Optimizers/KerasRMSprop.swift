/// Keras 3 `RMSprop` (no momentum, not centered): ε inside the square root.
///
/// ```
/// ms ← ρ·ms + (1 − ρ)·g²
/// θ ← θ − (η·g) / √(ms + ε)
/// ```
public struct KerasRMSprop: Optimizer {
    /// ρ (0.9 by default).
    public let rho: Double
    /// ε (1e-7 by default).
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

    /// Applies the Keras update (see the type's documentation).
    @inlinable
    public mutating func update(
        theta: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>,
        learningRate: Double, step t: Int
    ) {
        let rho = self.rho, oneMinusRho = 1 - self.rho, eps = epsilon
        meanSquare.withUnsafeMutableBufferPointer { ms in
            for i in 0..<theta.count {
                let g = gradient[i]
                ms[i] = rho * ms[i] + oneMinusRho * (g * g)
                theta[i] -= (learningRate * g) / (ms[i] + eps).squareRoot()
            }
        }
    }

    /// The mean square.
    @inlinable
    public func withState<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try meanSquare.withUnsafeBufferPointer(body)
    }
}
