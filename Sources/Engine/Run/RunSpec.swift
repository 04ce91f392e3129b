/// Everything a run needs besides its objective: where it starts, how it
/// steps, what constrains it and when it stops. Plain data; the CLI and the
/// lesson files both build one.
public struct RunSpec: Sendable, Equatable {
    /// Starting parameters, in the objective's parameter order.
    public var start: [Double]
    /// The optimizer, its convention and hyperparameters.
    public var optimizer: OptimizerSpec
    /// How the learning rate changes with the step count.
    public var schedule: Schedule
    /// Applied after every step, in this order: box clip, simplex projection, fixed entries.
    public var constraints: Constraints
    /// When the run ends.
    public var stop: StopRules
    /// Which rows each step sees (ignored by objectives without data).
    public var batching: Batching

    /// Creates a run specification; `validate(parameterCount:)` (or `run`) checks it.
    public init(
        start: [Double], optimizer: OptimizerSpec, schedule: Schedule = .constant,
        constraints: Constraints = Constraints(), stop: StopRules, batching: Batching = Batching()
    ) {
        self.start = start
        self.optimizer = optimizer
        self.schedule = schedule
        self.constraints = constraints
        self.stop = stop
        self.batching = batching
    }
}
