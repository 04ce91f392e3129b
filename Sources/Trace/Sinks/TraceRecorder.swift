/// Appends rows to a trace one at a time, cheaply: the run loop's way to fill a `Trace`.
///
/// A row goes into a small staging block (a few kilobytes, column-major, so it
/// stays in the first-level cache) with plain pointer stores and no uniqueness
/// check; every `blockRows` rows the block is copied onto the end of the
/// trace's columns, one `append(contentsOf:)` per column. So a row costs its
/// stores plus `columns / blockRows` array appends, and the trace's columns
/// stay ordinary arrays that its readers share without copying.
///
/// ```
/// var recorder = TraceRecorder(Trace(layout: layout))
/// recorder.append(row)                           // per step
/// let trace = recorder.finish(verdict: verdict)  // moves the last rows over and hands the trace back
/// ```
/// Rows still in the block are not in the trace until `finish()`; the
/// recorder is noncopyable so the trace cannot be read half-filled by
/// mistake, and it frees its block when it goes away.
public struct TraceRecorder: TraceSink, ~Copyable {
    @usableFromInline var trace: Trace
    @usableFromInline let parameterCount: Int
    /// Values of the optimizer state per row: `stateNames.count × parameterCount`.
    @usableFromInline let stateWidth: Int
    /// Rows the staging block holds.
    @usableFromInline let blockRows: Int
    /// Column-major, `blockRows` per column: learning rate, loss, batch loss, then the
    /// trace's value columns in their order (parameters, gradient, state, update).
    @usableFromInline let doubles: UnsafeMutablePointer<Double>
    /// Column-major, `blockRows` per column: epoch, then batch.
    @usableFromInline let integers: UnsafeMutablePointer<Int32>
    /// Rows in the block not yet moved to the trace.
    @usableFromInline var pending = 0

    /// Takes over `trace` (usually empty and reserved for the whole run) to append rows to it.
    public init(_ trace: consuming Trace, blockRows: Int = 64) {
        self.trace = trace
        self.blockRows = max(blockRows, 1)
        parameterCount = self.trace.parameterNames.count
        stateWidth = parameterCount * self.trace.stateNames.count
        let columns = 3 + self.trace.valueColumns.count
        doubles = .allocate(capacity: columns * self.blockRows)
        integers = .allocate(capacity: 2 * self.blockRows)
    }

    deinit {
        doubles.deallocate()
        integers.deallocate()
    }

    /// Rows appended so far, staged ones included.
    public var count: Int { trace.count + pending }

    /// Appends one row; the same contract as `Trace.append` (state is state-major).
    ///
    /// Allocates nothing while the trace's reservation lasts; beyond it the
    /// columns grow geometrically, once per block.
    @inlinable @inline(__always)
    public mutating func append(_ row: TraceRow) {
        let (parameters, gradient, update, state) = (row.parameters, row.gradient, row.update, row.state)
        let n = parameterCount
        precondition(parameters.count == n && gradient.count == n && update.count == n,
                     "row width does not match the trace's parameters")
        precondition(state.count == stateWidth, "state width does not match the trace's state buffers")
        let b = blockRows
        let r = pending
        integers[r] = row.epoch
        integers[b + r] = row.batch
        doubles[r] = row.learningRate
        doubles[b + r] = row.lossIsExact ? row.loss : .nan
        doubles[2 * b + r] = row.batchLoss
        var column = doubles + (3 * b + r)
        for i in 0..<n { column[i * b] = parameters[i] }
        column += n * b
        for i in 0..<n { column[i * b] = gradient[i] }
        column += n * b
        for j in 0..<state.count { column[j * b] = state[j] }
        column += state.count * b
        for i in 0..<n { column[i * b] = update[i] }
        pending = r + 1
        if pending == b { flush() }
    }

    /// Moves the staged rows onto the end of the trace's columns.
    @usableFromInline @inline(never)
    mutating func flush() {
        let rows = pending
        guard rows > 0 else { return }
        let b = blockRows
        trace.epochColumn.append(contentsOf: UnsafeBufferPointer(start: integers, count: rows))
        trace.batchColumn.append(contentsOf: UnsafeBufferPointer(start: integers + b, count: rows))
        trace.learningRateColumn.append(contentsOf: UnsafeBufferPointer(start: doubles, count: rows))
        trace.lossColumn.append(contentsOf: UnsafeBufferPointer(start: doubles + b, count: rows))
        if trace.hasBatchLoss {
            trace.batchLossColumn.append(contentsOf: UnsafeBufferPointer(start: doubles + 2 * b, count: rows))
        }
        let staged = doubles + 3 * b
        trace.valueColumns.withUnsafeMutableBufferPointer { columns in
            for c in 0..<columns.count {
                columns[c].append(contentsOf: UnsafeBufferPointer(start: staged + c * b, count: rows))
            }
        }
        pending = 0
    }

    /// Moves the last staged rows over and returns the trace with `verdict`, also recorded as
    /// the metadata entry `verdict` (the same words `trace --format summary` and the handouts print).
    public consuming func finish(verdict: Verdict) -> Trace {
        flush()
        trace.verdict = verdict
        trace.metadata.append(MetadataEntry("verdict", verdict.description))
        return trace
    }
}
