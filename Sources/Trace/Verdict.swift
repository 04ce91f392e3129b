/// How a run ended; carried by its trace (also as its `verdict` metadata entry) and shown in every report.
public enum Verdict: Equatable, Sendable, CustomStringConvertible {
    /// A stop rule fired; `rule` says which, in words ("gradient norm 8.1e-9 < 1e-8").
    case converged(rule: String)
    /// The gradient rule fired where the Hessian has a negative eigenvalue: a saddle point, not a minimum.
    /// `eigenvalue` is the most negative one; `parameter` the parameter with the largest share of its eigenvector.
    case saddle(eigenvalue: Double, parameter: String)
    /// The run used its whole step or epoch budget.
    case maxSteps
    /// The run used its whole budget while the loss was still falling fast: the last tenth of the
    /// steps made `share` (a fraction, above `StillFalling.threshold`) of the run's whole decrease.
    case stillFalling(share: Double)
    /// The loss fell below −10⁶ · max(1, |f(θ₀)|) at `step`: the objective has no minimum along the path.
    case unboundedBelow(step: Int, loss: Double)
    /// A non-finite value or a runaway loss appeared at `step`; `reason` says which.
    case diverged(step: Int, reason: String)

    /// One short line, the same in the trace's metadata, `trace --format summary` and the handouts:
    /// `converged (gradient norm …)`, `stopped at a saddle point: Hessian eigenvalue −2 along y`,
    /// `max-steps`, `ran its whole budget while the loss was still falling (…)`,
    /// `unbounded below (loss −1.2e+06 at step 40)`, `diverged at step 37 (loss is NaN)`.
    public var description: String {
        switch self {
        case .converged(let rule): return "converged (\(rule))"
        case .saddle(let value, let parameter):
            return "stopped at a saddle point: Hessian eigenvalue \(Self.signed(value, digits: 3)) along \(parameter)"
        case .maxSteps: return "max-steps"
        case .stillFalling(let share):
            return "ran its whole budget while the loss was still falling (the last 10% of steps made \(NumberText.general(100 * share, digits: 2))% of its decrease)"
        case .unboundedBelow(let step, let loss):
            return "unbounded below (loss \(Self.signed(loss, digits: 3)) at step \(step))"
        case .diverged(let step, let reason): return "diverged at step \(step) (\(reason))"
        }
    }

    /// Whether the verdict is a divergence (non-finite or runaway values).
    public var isDivergence: Bool {
        if case .diverged = self { return true }
        return false
    }

    /// `NumberText.general` with a typographic minus sign.
    static func signed(_ value: Double, digits: Int) -> String {
        let text = NumberText.general(value, digits: digits)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }
}
