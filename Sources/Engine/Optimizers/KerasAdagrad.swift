/// Keras 3 `Adagrad`: ε inside the square root, accumulator starting at `initial_accumulator_value` (0.1).
///
/// ```
/// acc ← acc + g²
/// θ ← θ − (η·g) / √(acc + ε)
/// ```
public struct KerasAdagrad: Optimizer {
    /// ε (1e-7 by default).
    public let epsilon: Double
    @usableFromInline var accumulator: [Double]

    /// Creates the optimizer with every accumulator at `settings.initialAccumulator`.
    public init(parameterCount: Int, settings: OptimizerSettings) {
        epsilon = settings.epsilon
        accumulator = [Double](repeating: settings.initialAccumulator, count: parameterCount)
    }

    /// `["accumulator"]`.
    public var stateNames: [String] { ["accumulator"] }

    /// Applies the Keras update (see the type's documentation).
    @inlinable
    public mutating func update(
        theta: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>,
        learningRate: Double, step t: Int
    ) {
        let eps = epsilon
        accumulator.withUnsafeMutableBufferPointer { acc in
            for i in 0..<theta.count {
                let g = gradient[i]
                acc[i] += g * g
                theta[i] -= (learningRate * g) / (acc[i] + eps).squareRoot()
            }
        }
    }

    /// The accumulator.
    @inlinable
    public func withState<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try accumulator.withUnsafeBufferPointer(body)
    }
}
