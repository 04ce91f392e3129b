/// When a run ends. Exactly one of `maxSteps` and `maxEpochs` is set.
public struct StopRules: Sendable, Equatable {
    /// The step budget (≥ 1).
    public var maxSteps: Int?
    /// The epoch budget (≥ 1): passes over the data; without data an epoch is one step.
    public var maxEpochs: Int?
    /// Converged when ‖∇f(θ_k)‖₂ < this.
    public var gradientTolerance: Double?
    /// Converged when |f(θ_k) − f(θ_{k−1})| < this.
    public var lossChangeTolerance: Double?
    /// Diverged when f(θ_k) > divergenceFactor · max(|f(θ₀)|, |best loss so far|, 1);
    /// a non-finite loss, parameter or gradient always diverges. Must be > 1; `.infinity`
    /// keeps only the non-finite check.
    public var divergenceFactor: Double

    /// Creates stop rules; set exactly one budget.
    public init(maxSteps: Int? = nil, maxEpochs: Int? = nil, gradientTolerance: Double? = nil,
                lossChangeTolerance: Double? = nil, divergenceFactor: Double = 1e6) {
        self.maxSteps = maxSteps
        self.maxEpochs = maxEpochs
        self.gradientTolerance = gradientTolerance
        self.lossChangeTolerance = lossChangeTolerance
        self.divergenceFactor = divergenceFactor
    }
}
