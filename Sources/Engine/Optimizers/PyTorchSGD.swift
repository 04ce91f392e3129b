/// PyTorch `torch.optim.SGD`: plain, momentum (with dampening) and Nesterov, with PyTorch's buffer convention.
///
/// ```
/// μ = 0:        θ ← θ + (−η)·g                               (no state)
/// first step:   b ← g
/// after that:   b ← b·μ + (1 − dampening)·g
/// direction:    d = g + μ·b  (Nesterov)   or   d = b
/// update:       θ ← θ + (−η)·d
/// ```
/// The buffer holds gradients, not steps; the current rate multiplies the
/// whole buffer, so a rate change rescales all of the remembered history
/// at once. With constant η and no dampening, Keras' velocity is `v = −η·b`.
public struct PyTorchSGD: Optimizer {
    /// μ.
    public let momentum: Double
    /// Dampening of the new gradient in the buffer (not applied on the first step).
    public let dampening: Double
    /// Whether the direction looks ahead: `g + μ·b`.
    public let nesterov: Bool
    @usableFromInline var buffer: [Double]
    @usableFromInline var started = false

    /// Creates the optimizer; the buffer shows as zeros until the first step fills it.
    public init(parameterCount: Int, settings: OptimizerSettings) {
        momentum = settings.momentum
        dampening = settings.dampening
        nesterov = settings.nesterov
        buffer = momentum == 0 ? [] : [Double](repeating: 0, count: parameterCount)
    }

    /// `["buffer"]` with momentum, else empty.
    public var stateNames: [String] { momentum == 0 ? [] : ["buffer"] }

    /// Applies the PyTorch update (see the type's documentation).
    @inlinable
    public mutating func update(
        theta: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>,
        learningRate: Double, step t: Int
    ) {
        let minusEta = -learningRate
        if momentum == 0 {
            for i in 0..<theta.count { theta[i] += minusEta * gradient[i] }
            return
        }
        let mu = momentum
        let keep = 1 - dampening
        let first = !started
        let nesterov = self.nesterov
        buffer.withUnsafeMutableBufferPointer { b in
            for i in 0..<theta.count {
                let g = gradient[i]
                b[i] = first ? g : b[i] * mu + keep * g
                let direction = nesterov ? g + mu * b[i] : b[i]
                theta[i] += minusEta * direction
            }
        }
        started = true
    }

    /// The momentum buffer (empty without momentum).
    @inlinable
    public func withState<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try buffer.withUnsafeBufferPointer(body)
    }
}
