/// PyTorch `torch.optim.Adagrad`: ε outside the square root, accumulator (`sum`) starting at 0.
///
/// ```
/// acc ← acc + g·g
/// θ ← θ + (−η)·g / (√acc + ε)
/// ```
public struct PyTorchAdagrad: Optimizer {
    /// ε (1e-10 by default).
    public let epsilon: Double
    @usableFromInline var accumulator: [Double]

    /// Creates the optimizer with every accumulator at `settings.initialAccumulator`.
    public init(parameterCount: Int, settings: OptimizerSettings) {
        epsilon = settings.epsilon
        accumulator = [Double](repeating: settings.initialAccumulator, count: parameterCount)
    }

    /// `["accumulator"]`.
    public var stateNames: [String] { ["accumulator"] }

    /// Applies the PyTorch update (see the type's documentation).
    @inlinable
    public mutating func update(
        theta: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>,
        learningRate: Double, step t: Int
    ) {
        let eps = epsilon
        let minusEta = -learningRate
        accumulator.withUnsafeMutableBufferPointer { acc in
            for i in 0..<theta.count {
                let g = gradient[i]
                acc[i] += g * g
                theta[i] += minusEta * g / (acc[i].squareRoot() + eps)
            }
        }
    }

    /// The accumulator.
    @inlinable
    public func withState<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try accumulator.withUnsafeBufferPointer(body)
    }
}
