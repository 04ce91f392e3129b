import Trace

/// Checks the stop rules on each row before its step, in order: non-finite values, a loss without
/// bound below, runaway loss, gradient norm, loss change.
///
/// ```
/// diverged         f, f_batch, θ or ∇f not finite, or f(θ_k) > factor · max(|f(θ₀)|, |best so far|, 1)
/// unbounded below  f(θ_k) < −10⁶ · max(1, |f(θ₀)|)
/// converged        ‖∇f(θ_k)‖₂ < gradientTolerance,  or  |f(θ_k) − f(θ_j)| < lossChangeTolerance
/// ```
/// f is the loss over all data; the rules on f look only at rows where it was
/// evaluated (every row unless the trace has a loss stride s; then the loss
/// change compares rows s apart, j = k − s). The gradient is the row's own
/// (its batch's). The per-row check only compares numbers; the verdict's
/// words are built (out of line) only when a rule fires. The monitor also
/// keeps what the budget's verdict needs (`StillFalling`).
@usableFromInline
struct StopMonitor {
    @usableFromInline let rules: StopRules
    /// Parameter names, for the divergence message.
    @usableFromInline let names: [String]
    /// The first row whose loss the still-falling rule compares with the last.
    @usableFromInline let markRow: Int
    @usableFromInline var initialLoss = Double.nan
    @usableFromInline var bestLoss = Double.infinity
    @usableFromInline var previousLoss = Double.nan
    /// The loss over all data on the first evaluated row at or after `markRow`.
    @usableFromInline var markLoss = Double.nan
    /// Whether the verdict returned last came from the gradient-norm rule.
    @usableFromInline var stoppedByGradient = false

    /// The factor of |f(θ₀)| (at least 1) below which a loss is unbounded below.
    @usableFromInline static let unboundedFactor = 1e6

    @usableFromInline
    init(rules: StopRules, names: [String], totalSteps: Int) {
        self.rules = rules
        self.names = names
        markRow = StillFalling.markRow(steps: totalSteps)
    }

    /// The verdict if row k ends the run (the budget aside), else nil. `loss` is the loss over all
    /// data when `exact`, else ignored; `batchLoss` the loss on the gradient's batch (equal to `loss`
    /// for full-batch runs).
    @inlinable @inline(__always)
    mutating func check(
        row k: Int, loss: Double, exact: Bool, batchLoss: Double, theta: UnsafeMutableBufferPointer<Double>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Verdict? {
        var allFinite = batchLoss.isFinite && (!exact || loss.isFinite)
        var squaredNorm = 0.0
        for i in 0..<theta.count {
            let g = gradient[i]
            if !theta[i].isFinite || !g.isFinite { allFinite = false }
            squaredNorm += g * g
        }
        if !allFinite { return nonFinite(row: k, loss: loss, exact: exact, batchLoss: batchLoss, theta: theta, gradient: gradient) }
        if exact {
            if k == 0 {
                initialLoss = loss
            } else {
                if loss < -Self.unboundedFactor * max(1, initialLoss.magnitude) {
                    return .unboundedBelow(step: k, loss: loss)
                }
                let scale = max(initialLoss.magnitude, bestLoss.magnitude, 1)
                if loss > rules.divergenceFactor * scale {
                    return .diverged(step: k, reason: Self.runaway(loss, factor: rules.divergenceFactor, scale: scale))
                }
            }
            bestLoss = min(bestLoss, loss)
            if k >= markRow && markLoss.isNaN { markLoss = loss }
        }
        if let tolerance = rules.gradientTolerance {
            let norm = squaredNorm.squareRoot()
            if norm < tolerance {
                stoppedByGradient = true
                return .converged(rule: Self.rule("gradient norm", norm, tolerance))
            }
        }
        if exact {
            defer { previousLoss = loss }
            if k > 0, let tolerance = rules.lossChangeTolerance {
                let change = (loss - previousLoss).magnitude
                if change < tolerance { return .converged(rule: Self.rule("loss change", change, tolerance)) }
            }
        }
        return nil
    }

    /// The verdict of a run that spent its budget, `finalLoss` the loss over all data on its last row.
    @usableFromInline
    func budgetSpent(steps: Int, finalLoss: Double) -> Verdict {
        StillFalling.verdict(steps: steps, initial: initialLoss, atMark: markLoss, final: finalLoss)
    }

    /// The divergence verdict naming the first non-finite value: the loss, the batch loss, then θ₀, ∇f₀, θ₁, ∇f₁, …
    @usableFromInline @inline(never)
    func nonFinite(
        row k: Int, loss: Double, exact: Bool, batchLoss: Double, theta: UnsafeMutableBufferPointer<Double>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Verdict {
        if exact && !loss.isFinite { return .diverged(step: k, reason: "loss is \(Self.word(loss))") }
        if !batchLoss.isFinite { return .diverged(step: k, reason: "batch loss is \(Self.word(batchLoss))") }
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
