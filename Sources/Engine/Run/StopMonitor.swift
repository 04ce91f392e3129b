import Trace

/// Checks the stop rules on each new trace row, in order: non-finite values, runaway loss, gradient norm, loss change.
///
/// ```
/// diverged   f, θ or ∇f not finite, or f(θ_k) > factor · max(|f(θ₀)|, |best so far|, 1)
/// converged  ‖∇f(θ_k)‖₂ < gradientTolerance,  or  |f(θ_k) − f(θ_{k−1})| < lossChangeTolerance
/// ```
@usableFromInline
struct StopMonitor {
    @usableFromInline let rules: StopRules
    @usableFromInline var initialLoss = Double.nan
    @usableFromInline var bestLoss = Double.infinity
    @usableFromInline var previousLoss = Double.nan

    @usableFromInline
    init(rules: StopRules) { self.rules = rules }

    /// The verdict if row k ends the run (the budget aside), else nil.
    @inlinable
    mutating func check(
        row k: Int, loss: Double, theta: UnsafeMutableBufferPointer<Double>,
        gradient: UnsafeMutableBufferPointer<Double>, names: [String]
    ) -> Verdict? {
        if !loss.isFinite { return .diverged(step: k, reason: "loss is \(Self.word(loss))") }
        var squaredNorm = 0.0
        for i in 0..<theta.count {
            if !theta[i].isFinite { return .diverged(step: k, reason: "parameter \(names[i]) is \(Self.word(theta[i]))") }
            let g = gradient[i]
            if !g.isFinite { return .diverged(step: k, reason: "gradient of \(names[i]) is \(Self.word(g))") }
            squaredNorm += g * g
        }
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
