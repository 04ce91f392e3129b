import Trace

/// When a run that used its whole budget counts as "still falling".
///
/// ```
/// share = (f(θ_m) − f(θ_K)) / (f(θ_0) − f(θ_K))     m = the first evaluated row ≥ 0.9·K
/// still falling  ⇔  K ≥ 10,  f(θ_0) > f(θ_K),  share > threshold
/// ```
/// The last tenth of the steps made more than 1% of the run's whole
/// decrease. A run that has settled makes almost none (linear convergence
/// gives share ≈ r^{0.9K}); a run stopped mid-descent makes about a tenth.
/// Comparing with the whole decrease, not with f itself, keeps the rule
/// independent of the loss's scale and of where its minimum lies.
public enum StillFalling {
    /// The share of the whole decrease above which the loss is "still falling".
    public static let threshold = 0.01
    /// The shortest budget the rule looks at.
    public static let minimumSteps = 10

    /// The row the rule compares with the last one: ⌈0.9·K⌉ (K = steps).
    public static func markRow(steps: Int) -> Int { steps - steps / 10 }

    /// The verdict for a run that spent its budget of `steps` with these losses over all data.
    public static func verdict(steps: Int, initial: Double, atMark: Double, final: Double) -> Verdict {
        guard steps >= minimumSteps, initial > final, atMark.isFinite else { return .maxSteps }
        let share = (atMark - final) / (initial - final)
        return share > threshold ? .stillFalling(share: share) : .maxSteps
    }
}
