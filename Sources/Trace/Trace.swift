/// The record of one run: one row per step, row 0 the start, kept column-wise.
///
/// Row k holds θ_k, the loss there, and what step k+1 does from there:
/// ```
/// parameters[k]   θ_k                         (row 0: the start)
/// loss[k]         f(θ_k) over all data        (NaN on rows the loss was not evaluated, see lossStride)
/// batchLoss[k]    f(θ_k; batch k)             only when steps see part of the data
/// gradient[k]     ∇f(θ_k; batch k)            the gradient step k+1 applies
/// learningRate[k] η_k                         the rate step k+1 applies
/// update[k]       θ_{k+1} − θ_k               after constraints; plain SGD: −η_k · gradient[k]
/// state[k]        optimizer state after k steps (row 0: the fresh state)
/// epoch[k], batch[k]  which epoch and which batch of it the row's gradient saw
/// ```
/// So θ_{k+1} = θ_k + update[k]. The last row has no next step: its
/// learning rate is the one a next step would use and its update is zero.
/// The step number is the row index. Every column is one contiguous array, so
/// the column readers (`losses`, `parameterColumn(_:)`, …) hand out the
/// trace's own storage without copying; `init(…reservingRows:)` reserves them
/// all, so appending a row within the reserved capacity allocates nothing.
/// `append` is for a few rows; a run fills its trace through a
/// `TraceRecorder`, which appends in blocks.
public struct Trace: Sendable {
    /// Names of the parameters, in the order of the flat vector.
    public let parameterNames: [String]
    /// Names of the optimizer's state buffers in the convention's words (`velocity`, `m`, `v`…); each has one value per parameter.
    public let stateNames: [String]
    /// How the run ended.
    public var verdict: Verdict
    /// The seed of the per-epoch shuffle, when rows were shuffled.
    public var shuffleSeed: UInt64?
    /// Ordered facts for reports: optimizer, convention, resolved hyperparameters, schedule, verdict…
    public var metadata: [MetadataEntry]
    /// Whether the trace has a `batch_loss` column (its steps saw part of the data).
    public let hasBatchLoss: Bool
    /// The loss over all data was evaluated on rows 0, s, 2s, … and on the last row; 1 = every row.
    public let lossStride: Int

    @usableFromInline var epochColumn: [Int32]
    @usableFromInline var batchColumn: [Int32]
    @usableFromInline var learningRateColumn: [Double]
    @usableFromInline var lossColumn: [Double]
    /// Empty unless `hasBatchLoss`.
    @usableFromInline var batchLossColumn: [Double]
    /// `parameterCount` parameter columns, then as many gradient columns, then
    /// `stateNames.count × parameterCount` state columns (state-major), then update columns.
    @usableFromInline var valueColumns: [[Double]]

    /// Creates an empty trace with every column reserved for `rows` rows.
    public init(
        parameterNames: [String], stateNames: [String] = [], reservingRows rows: Int = 0,
        verdict: Verdict = .maxSteps, shuffleSeed: UInt64? = nil, metadata: [MetadataEntry] = []
    ) {
        self.init(layout: TraceLayout(parameterNames: parameterNames, stateNames: stateNames, shuffleSeed: shuffleSeed,
                                      metadata: metadata, reservedRows: rows), verdict: verdict)
    }

    /// Creates an empty trace shaped by `layout`, its columns reserved for `layout.reservedRows` rows.
    public init(layout: TraceLayout, verdict: Verdict = .maxSteps) {
        parameterNames = layout.parameterNames
        stateNames = layout.stateNames
        hasBatchLoss = layout.hasBatchLoss
        lossStride = layout.lossStride
        self.verdict = verdict
        shuffleSeed = layout.shuffleSeed
        metadata = layout.metadata
        let rows = layout.reservedRows
        epochColumn = []
        epochColumn.reserveCapacity(rows)
        batchColumn = []
        batchColumn.reserveCapacity(rows)
        learningRateColumn = []
        learningRateColumn.reserveCapacity(rows)
        lossColumn = []
        lossColumn.reserveCapacity(rows)
        batchLossColumn = []
        if hasBatchLoss { batchLossColumn.reserveCapacity(rows) }
        let n = parameterNames.count
        let columnCount = n * (3 + stateNames.count)
        valueColumns = (0..<columnCount).map { _ in
            var column = [Double]()
            column.reserveCapacity(rows)
            return column
        }
    }

    /// Number of parameters.
    public var parameterCount: Int { parameterNames.count }

    /// Number of rows (steps taken + 1 once the start is recorded).
    public var count: Int { lossColumn.count }

    /// True when no row has been recorded.
    public var isEmpty: Bool { lossColumn.isEmpty }

    /// The layout the trace was made with (its reservation aside).
    public var layout: TraceLayout {
        TraceLayout(parameterNames: parameterNames, stateNames: stateNames, hasBatchLoss: hasBatchLoss,
                    lossStride: lossStride, shuffleSeed: shuffleSeed, metadata: metadata)
    }

    /// Rows the columns can hold before they grow.
    public var reservedRows: Int {
        var rows = Swift.min(epochColumn.capacity, batchColumn.capacity, learningRateColumn.capacity, lossColumn.capacity)
        for column in valueColumns { rows = Swift.min(rows, column.capacity) }
        return rows
    }

    /// Bytes held by the column storage, computed from the reserved capacities.
    public var storageBytes: Int {
        var bytes = (epochColumn.capacity + batchColumn.capacity) * MemoryLayout<Int32>.stride
        bytes += (learningRateColumn.capacity + lossColumn.capacity + batchLossColumn.capacity) * MemoryLayout<Double>.stride
        for column in valueColumns { bytes += column.capacity * MemoryLayout<Double>.stride }
        return bytes
    }

    /// Appends one row. `state` is state-major: buffer s, parameter i at `s × parameterCount + i`.
    ///
    /// Allocates nothing while `count < reservedRows`; beyond that the columns grow geometrically.
    @inlinable
    public mutating func append(_ row: TraceRow) {
        let n = parameterNames.count
        let (parameters, gradient, update, state) = (row.parameters, row.gradient, row.update, row.state)
        precondition(parameters.count == n && gradient.count == n && update.count == n,
                     "row width does not match the trace's parameters")
        precondition(state.count == n * stateNames.count, "state width does not match the trace's state buffers")
        epochColumn.append(row.epoch)
        batchColumn.append(row.batch)
        learningRateColumn.append(row.learningRate)
        lossColumn.append(row.lossIsExact ? row.loss : .nan)
        if hasBatchLoss { batchLossColumn.append(row.batchLoss) }
        // One uniqueness check on the outer array, not one per value.
        valueColumns.withUnsafeMutableBufferPointer { columns in
            for i in 0..<n {
                columns[i].append(parameters[i])
                columns[n + i].append(gradient[i])
            }
            let stateBase = 2 * n
            for j in 0..<state.count { columns[stateBase + j].append(state[j]) }
            let updateBase = stateBase + state.count
            for i in 0..<n { columns[updateBase + i].append(update[i]) }
        }
    }

    /// Appends one row from arrays (convenient in tests; the run loop uses the pointer form).
    public mutating func append(
        epoch: Int32 = 0, batch: Int32 = 0, learningRate: Double, loss: Double, batchLoss: Double = .nan,
        parameters: [Double], gradient: [Double], update: [Double], state: [Double] = []
    ) {
        parameters.withUnsafeBufferPointer { p in
            gradient.withUnsafeBufferPointer { g in
                update.withUnsafeBufferPointer { u in
                    state.withUnsafeBufferPointer { s in
                        append(TraceRow(epoch: epoch, batch: batch, learningRate: learningRate, loss: loss,
                                        batchLoss: batchLoss, parameters: p, gradient: g, update: u, state: s))
                    }
                }
            }
        }
    }
}

/// One ordered key–value fact about a run, shown in reports.
public struct MetadataEntry: Sendable, Equatable {
    /// The fact's name, e.g. `optimizer` or `momentum`.
    public var key: String
    /// Its value as text, e.g. `sgd` or `0.9`.
    public var value: String

    /// Creates an entry.
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}
