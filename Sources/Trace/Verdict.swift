/// How a run ended; carried by its trace and shown in every report.
public enum Verdict: Equatable, Sendable, CustomStringConvertible {
    /// A stop rule fired; `rule` says which, in words ("gradient norm 8.1e-9 < 1e-8").
    case converged(rule: String)
    /// The run used its whole step or epoch budget.
    case maxSteps
    /// A non-finite value or a runaway loss appeared at `step`; `reason` says which.
    case diverged(step: Int, reason: String)

    /// One short line: `converged (gradient norm …)`, `max-steps`, `diverged at step 37 (loss is NaN)`.
    public var description: String {
        switch self {
        case .converged(let rule): return "converged (\(rule))"
        case .maxSteps: return "max-steps"
        case .diverged(let step, let reason): return "diverged at step \(step) (\(reason))"
        }
    }
}
