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
    /// Whether steps see part of the data, so rows record a batch loss beside the loss over all data.
    @usableFromInline let hasBatchLoss: Bool
    /// The loss over all data is evaluated on rows 0, s, 2s, … and the last row (see `lossStride(rows:steps:)`).
    @usableFromInline let lossStride: Int
    /// The seed rows are shuffled with, when they are shuffled at all.
    @usableFromInline let shuffleSeed: UInt64?
    /// The batch size as asked (nil: full batch), for the metadata.
    @usableFromInline let askedBatchSize: Int?

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
            if overflowed { throw RunSpecError.invalid(setting: .epochs, message: "is too large, got \(epochs)") }
            totalSteps = product
        } else {
            totalSteps = spec.stop.maxSteps ?? 0
        }
        hasBatchLoss = batchesPerEpoch > 1
        lossStride = hasBatchLoss ? RunPlan.lossStride(rows: self.rowCount, steps: totalSteps) : 1
        let valuesPerRow = RunPlan.valuesPerRow(parameterCount: parameterNames.count, stateCount: settings.stateNames.count,
                                                batchLoss: hasBatchLoss)
        let (values, tooMany) = (totalSteps + 1).multipliedReportingOverflow(by: valuesPerRow)
        if tooMany || values > RunPlan.traceValueLimit {
            let setting: RunSetting = spec.stop.maxEpochs == nil ? .steps : .epochs
            throw RunSpecError.invalid(
                setting: setting,
                message: "(\(totalSteps) steps × \(valuesPerRow) values each) exceed the trace limit of \(RunPlan.traceValueLimit / 1_000_000) million values (about \(Double(RunPlan.traceValueLimit * 8 / 100_000_000) / 10) GB); use fewer")
        }
        askedBatchSize = spec.batching.batchSize
    }

    @usableFromInline var parameterCount: Int { parameterNames.count }

    /// The trace's metadata: the resolved optimizer settings, the schedule, batching, the loss's
    /// stride and the budget (built when a sink is made, not for every validation).
    var metadata: [MetadataEntry] {
        var entries = settings.metadata.map { MetadataEntry($0.key, $0.value) }
        entries.append(MetadataEntry(RunSetting.schedule.metadataKey, schedule.summary))
        if self.rowCount > 0 {
            let rows = self.rowCount
            entries.append(MetadataEntry(RunSetting.batch.metadataKey, askedBatchSize.map { "\(min($0, rows))" } ?? "full"))
            entries.append(MetadataEntry(RunSetting.shuffle.metadataKey, shuffleSeed.map { "\($0)" } ?? "none"))
        }
        if hasBatchLoss {
            entries.append(MetadataEntry("loss", lossStride == 1
                ? "over all data at every step; batch_loss on the step's batch"
                : "over all data every \(lossStride) steps and at the last step (other rows leave it empty); batch_loss on the step's batch at every step"))
        }
        if let epochs = stop.maxEpochs {
            entries.append(MetadataEntry(RunSetting.epochs.metadataKey, "\(epochs)"))
        } else {
            entries.append(MetadataEntry(RunSetting.steps.metadataKey, "\(totalSteps)"))
        }
        if let tolerance = stop.gradientTolerance { entries.append(MetadataEntry(RunSetting.gradientTolerance.metadataKey, "\(tolerance)")) }
        if let tolerance = stop.lossChangeTolerance { entries.append(MetadataEntry(RunSetting.lossChangeTolerance.metadataKey, "\(tolerance)")) }
        return entries
    }

    /// The most values one trace may hold (steps × values per step), checked before any memory is spent.
    static let traceValueLimit = 200_000_000

    /// Values in one trace row: epoch, batch, learning rate, loss (and the batch loss when steps see
    /// part of the data), then each parameter's value, gradient, update and state buffers (epoch and
    /// batch count as one: two 4-byte columns).
    static func valuesPerRow(parameterCount: Int, stateCount: Int, batchLoss: Bool) -> Int {
        (batchLoss ? 4 : 3) + parameterCount * (3 + stateCount)
    }

    /// The most values the trace can hold: every row of the budget.
    var traceValueCount: Int {
        (totalSteps + 1) * RunPlan.valuesPerRow(parameterCount: parameterCount, stateCount: settings.stateNames.count,
                                                batchLoss: hasBatchLoss)
    }

    /// The most data-row evaluations a run spends on the loss over all data.
    static let fullLossBudget = 100_000_000

    /// Every how many rows the loss over all data is evaluated: 1 while rows × (steps + 1) stays within
    /// `fullLossBudget`, else ⌈rows × (steps + 1) / budget⌉, so the cost stays about 10⁸ row evaluations.
    static func lossStride(rows: Int, steps: Int) -> Int {
        let (cost, overflow) = rows.multipliedReportingOverflow(by: steps + 1)
        if overflow { return Int.max / fullLossBudget }
        return cost <= fullLossBudget ? 1 : (cost + fullLossBudget - 1) / fullLossBudget
    }

    /// What the run's rows hold, for its sink; reserving the whole budget, capped at about 50 million
    /// doubles (an in-memory trace grows beyond).
    @usableFromInline
    func layout(stateNames: [String]) -> TraceLayout {
        let doublesPerRow = (hasBatchLoss ? 4 : 3) + parameterCount * (3 + stateNames.count)
        let cap = max(1, 50_000_000 / doublesPerRow)
        return TraceLayout(parameterNames: parameterNames, stateNames: stateNames, hasBatchLoss: hasBatchLoss,
                           lossStride: lossStride, shuffleSeed: shuffleSeed, metadata: metadata,
                           reservedRows: min(totalSteps + 1, cap))
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
