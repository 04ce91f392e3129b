extension Schedule {
    /// The learning rate of the update made after `t` updates, from the base rate `eta`.
    ///
    /// ```
    /// constant               η
    /// step(every, factor)    η · factor^⌊t / every⌋
    /// exponential(rate, s)   η · rate^(t / s)
    /// inverseTime(decay)     η · 1 / (1 + decay · t)
    /// ```
    /// Keras evaluates its schedule at `optimizer.iterations` (= t) before every
    /// update and PyTorch's schedulers set the rate a step uses before it, so
    /// both libraries see this rate on update t + 1.
    @inlinable
    public func learningRate(base eta: Double, step t: Int) -> Double {
        switch self {
        case .constant:
            return eta
        case .step(let every, let factor):
            return eta * power(factor, Double(t / every))
        case .exponential(let rate, let steps):
            return eta * power(rate, Double(t) / Double(steps))
        case .inverseTime(let decay):
            return eta * (1 / (1 + decay * Double(t)))
        }
    }

    /// True when the rate never changes.
    public var isConstant: Bool { self == .constant }

    /// Throws a `RunSpecError` unless the schedule's numbers make sense.
    public func validate() throws {
        switch self {
        case .constant:
            return
        case .step(let every, let factor):
            if every < 1 { throw RunSpecError.invalid(setting: .schedule, message: "every must be at least 1, got \(every)") }
            try RunSpecError.require(factor, .schedule, above: 0)
        case .exponential(let rate, let steps):
            if steps < 1 { throw RunSpecError.invalid(setting: .schedule, message: "steps must be at least 1, got \(steps)") }
            try RunSpecError.require(rate, .schedule, above: 0)
        case .inverseTime(let decay):
            try RunSpecError.require(decay, .schedule, atLeast: 0)
        }
    }

    /// A short description for reports: `constant`, `step(every: 10, factor: 0.5)`.
    public var summary: String {
        switch self {
        case .constant: return "constant"
        case .step(let every, let factor): return "step(every: \(every), factor: \(factor))"
        case .exponential(let rate, let steps): return "exponential(rate: \(rate), steps: \(steps))"
        case .inverseTime(let decay): return "inverseTime(decay: \(decay))"
        }
    }
}
