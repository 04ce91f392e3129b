/// The end of a run and nothing else: what `trace --format summary` prints.
public struct TraceSummary: Sendable, Equatable {
    /// How the run ended.
    public var verdict: Verdict
    /// Steps taken (rows − 1).
    public var stepCount: Int
    /// Parameter names, in order.
    public var parameterNames: [String]
    /// θ on the last row.
    public var finalParameters: [Double]
    /// The loss over all data on the last row.
    public var finalLoss: Double

    /// Creates a summary.
    public init(verdict: Verdict, stepCount: Int, parameterNames: [String], finalParameters: [Double], finalLoss: Double) {
        self.verdict = verdict
        self.stepCount = stepCount
        self.parameterNames = parameterNames
        self.finalParameters = finalParameters
        self.finalLoss = finalLoss
    }

}
