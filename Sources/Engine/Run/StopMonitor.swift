import Trace

/// Checks the stop rules on each new trace row, in order: non-finite values, runaway loss, gradient norm, loss change.
///
/// ```
/// diverged   f, θ or ∇f not finite, or f(θ_k) > factor · max(|f(θ₀)|, |best so far|, 1)
/// converged  ‖∇f(θ_k)‖₂ < gradientTolerance,  or  |f(θ_k) − f(θ_{k−1})| < lossChangeTolerance
/// ```
/// The per-row check only compares numbers; the verdict's words are built
/// (out of line) only when a rule fires.
@usableFromInline
struct StopMonitor {
    @usableFromInline let rules: StopRules
    /// Parameter names, for the divergence message.
    @usableFromInline let names: [String]
    @usableFromInline var initialLoss = Double.nan
    @usableFromInline var bestLoss = Double.infinity
    @usableFromInline var previousLoss = Double.nan

    @usableFromInline
    init(rules: StopRules, names: [String]) {
        self.rules = rules
        self.names = names
    }

    /// The verdict if row k ends the run (the budget aside), else nil.
    @inlinable @inline(__always)
    mutating func check(
        row k: Int, loss: Double, theta: UnsafeMutableBufferPointer<Double>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Verdict? {
        var allFinite = loss.isFinite
        var squaredNorm = 0.0
        for i in 0..<theta.count {
            let g = gradient[i]
            if !theta[i].isFinite || !g.isFinite { allFinite = false }
            squaredNorm += g * g
        }
        if !allFinite { return nonFinite(row: k, loss: loss, theta: theta, gradient: gradient) }
        if k == 0 {
            initialLoss = loss
        } else {
            let scale = max(initialLoss.magnitude, bestLoss.magnitude, 1)
            if loss > rules.divergenceFactor * scale {
                return .diverged(step: k, reason: Self.runaway(loss, factor: rules.divergenceFactor, scale: scale))
            }
        }
        bestLoss = min(bestLoss, loss)
        defer { previousLoss = loss }
        if let tolerance = rules.gradientTolerance {
            let norm = squaredNorm.squareRoot()
            if norm < tolerance { return .converged(rule: Self.rule("gradient norm", norm, tolerance)) }
        }
        if k > 0, let tolerance = rules.lossChangeTolerance {
            let change = (loss - previousLoss).magnitude
            if change < tolerance { return .converged(rule: Self.rule("loss change", change, tolerance)) }
        }
        return nil
    }

    /// The divergence verdict naming the first non-finite value: the loss, then θ₀, ∇f₀, θ₁, ∇f₁, …
    @usableFromInline @inline(never)
    func nonFinite(
        row k: Int, loss: Double, theta: UnsafeMutableBufferPointer<Double>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Verdict {
        if !loss.isFinite { return .diverged(step: k, reason: "loss is \(Self.word(loss))") }
        for i in 0..<theta.count {
            if !theta[i].isFinite { return .diverged(step: k, reason: "parameter \(names[i]) is \(Self.word(theta[i]))") }
            let g = gradient[i]
            if !g.isFinite { return .diverged(step: k, reason: "gradient of \(names[i]) is \(Self.word(g))") }
        }
        preconditionFailure("nonFinite called on finite values")
    }

    @usableFromInline
    static func word(_ value: Double) -> String { value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }

    @usableFromInline
    static func rule(_ what: String, _ value: Double, _ tolerance: Double) -> String {
        "\(what) \(NumberText.general(value)) < \(NumberText.general(tolerance))"
    }

    @usableFromInline
    static func runaway(_ loss: Double, factor: Double, scale: Double) -> String {
        "loss \(NumberText.general(loss)) > \(NumberText.general(factor)) × \(NumberText.general(scale))"
    }
}
