import Trace

/// A validated run specification with everything the loop needs worked out once.
@usableFromInline
struct RunPlan {
    @usableFromInline let settings: OptimizerSettings
    @usableFromInline let start: [Double]
    @usableFromInline let parameterNames: [String]
    @usableFromInline let schedule: Schedule
    @usableFromInline let constraints: Constraints
    @usableFromInline let stop: StopRules
    /// Data rows of the objective (0 without data).
    @usableFromInline let rowCount: Int
    /// Rows per batch (the last batch of an epoch may be shorter); 0 without data.
    @usableFromInline let batchSize: Int
    /// Steps per epoch: ⌈rowCount / batchSize⌉, or 1 without data or with full batches.
    @usableFromInline let batchesPerEpoch: Int
    /// The step budget.
    @usableFromInline let totalSteps: Int
    /// The seed rows are shuffled with, when they are shuffled at all.
    @usableFromInline let shuffleSeed: UInt64?
    @usableFromInline let metadata: [MetadataEntry]

    /// Validates `spec` against the objective's shape and works out batches and budget.
    @usableFromInline
    init(spec: RunSpec, parameterNames: [String], rowCount: Int) throws {
        settings = try spec.validate(parameterCount: parameterNames.count)
        start = spec.start
        self.parameterNames = parameterNames
        schedule = spec.schedule
        constraints = spec.constraints
        stop = spec.stop
        self.rowCount = max(rowCount, 0)
        if self.rowCount == 0 {
            batchSize = 0
            batchesPerEpoch = 1
        } else {
            let size = min(spec.batching.batchSize ?? self.rowCount, self.rowCount)
            batchSize = size
            batchesPerEpoch = (self.rowCount + size - 1) / size
        }
        // Shuffling a full batch would only reorder a sum, so it is not done and no seed is recorded.
        shuffleSeed = batchesPerEpoch > 1 ? spec.batching.shuffleSeed : nil
        if let epochs = spec.stop.maxEpochs {
            let (product, overflowed) = epochs.multipliedReportingOverflow(by: batchesPerEpoch)
            if overflowed { throw RunSpecError.invalid(setting: "maxEpochs", message: "is too large, got \(epochs)") }
            totalSteps = product
        } else {
            totalSteps = spec.stop.maxSteps ?? 0
        }
        let valuesPerRow = RunPlan.valuesPerRow(parameterCount: parameterNames.count, stateCount: settings.stateNames.count)
        let (values, tooMany) = (totalSteps + 1).multipliedReportingOverflow(by: valuesPerRow)
        if tooMany || values > RunPlan.traceValueLimit {
            let setting = spec.stop.maxEpochs == nil ? "steps" : "epochs"
            throw RunSpecError.invalid(
                setting: setting,
                message: "(\(totalSteps) steps × \(valuesPerRow) values each) exceed the trace limit of \(RunPlan.traceValueLimit / 1_000_000) million values (about \(Double(RunPlan.traceValueLimit * 8 / 100_000_000) / 10) GB); use fewer")
        }
        var entries = settings.metadata.map { MetadataEntry($0.key, $0.value) }
        entries.append(MetadataEntry("schedule", spec.schedule.summary))
        if self.rowCount > 0 {
            let rows = self.rowCount
            entries.append(MetadataEntry("batch_size", spec.batching.batchSize.map { "\(min($0, rows))" } ?? "full"))
            entries.append(MetadataEntry("shuffle_seed", shuffleSeed.map { "\($0)" } ?? "none"))
        }
        if let epochs = spec.stop.maxEpochs {
            entries.append(MetadataEntry("max_epochs", "\(epochs)"))
        } else {
            entries.append(MetadataEntry("max_steps", "\(totalSteps)"))
        }
        if let tolerance = spec.stop.gradientTolerance { entries.append(MetadataEntry("gradient_tolerance", "\(tolerance)")) }
        if let tolerance = spec.stop.lossChangeTolerance { entries.append(MetadataEntry("loss_change_tolerance", "\(tolerance)")) }
        metadata = entries
    }

    @usableFromInline var parameterCount: Int { parameterNames.count }

    /// The most values one trace may hold (steps × values per step), checked before any memory is spent.
    static let traceValueLimit = 200_000_000

    /// Values in one trace row: epoch, batch, learning rate, loss, then each parameter's value,
    /// gradient, update and state buffers (epoch and batch count as one: two 4-byte columns).
    static func valuesPerRow(parameterCount: Int, stateCount: Int) -> Int {
        3 + parameterCount * (3 + stateCount)
    }

    /// The most values the trace can hold: every row of the budget.
    var traceValueCount: Int {
        (totalSteps + 1) * RunPlan.valuesPerRow(parameterCount: parameterCount, stateCount: settings.stateNames.count)
    }

    /// Rows to reserve: the whole budget, capped at about 50 million doubles (the trace grows beyond).
    @usableFromInline
    func reservedRows(stateCount: Int) -> Int {
        let doublesPerRow = 3 + parameterCount * (3 + stateCount)
        let cap = max(1, 50_000_000 / doublesPerRow)
        return min(totalSteps + 1, cap)
    }
}

extension RunSpec {
    /// Checks everything a run checks before it starts — the settings, the constraints and the
    /// size of the trace for an objective of this shape — without running anything, and returns
    /// the most values the run's trace can hold (rows × values per row).
    @discardableResult
    public func validate(parameterNames: [String], rowCount: Int) throws -> Int {
        try RunPlan(spec: self, parameterNames: parameterNames, rowCount: rowCount).traceValueCount
    }
}
