/// Keras 3 `SGD`: plain, momentum and Nesterov, with Keras' velocity convention.
///
/// ```
/// μ = 0:      θ ← θ − g·η                       (no state)
/// momentum:   v ← −g·η + v·μ;   θ ← θ + v        (v starts at 0)
/// Nesterov:   v ← −g·η + v·μ;   θ ← θ + (−g·η + v·μ)   with the new v
/// ```
/// The velocity has the learning rate folded in, so a changing rate only
/// scales the newest gradient term; old velocity keeps the rates it was made with.
public struct KerasSGD: Optimizer {
    /// μ.
    public let momentum: Double
    /// Whether the step looks ahead along the new velocity.
    public let nesterov: Bool
    @usableFromInline var velocity: [Double]

    /// Creates the optimizer with zero velocity.
    public init(parameterCount: Int, settings: OptimizerSettings) {
        momentum = settings.momentum
        nesterov = settings.nesterov
        velocity = momentum == 0 ? [] : [Double](repeating: 0, count: parameterCount)
    }

    /// `["velocity"]` with momentum, else empty.
    public var stateNames: [String] { momentum == 0 ? [] : ["velocity"] }

    /// Applies the Keras update (see the type's documentation).
    @inlinable
    public mutating func update(
        theta: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>,
        learningRate: Double, step t: Int
    ) {
        let eta = learningRate
        if momentum == 0 {
            for i in 0..<theta.count { theta[i] -= gradient[i] * eta }
            return
        }
        let mu = momentum
        let nesterov = self.nesterov
        velocity.withUnsafeMutableBufferPointer { v in
            for i in 0..<theta.count {
                v[i] = -gradient[i] * eta + v[i] * mu
                theta[i] += nesterov ? -gradient[i] * eta + v[i] * mu : v[i]
            }
        }
    }

    /// The velocity (empty without momentum).
    @inlinable
    public func withState<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try velocity.withUnsafeBufferPointer(body)
    }
}
