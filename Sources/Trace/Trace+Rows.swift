extension Trace {
    /// Calls `body` with every row in order, as the run loop handed it over (the buffers are reused between calls).
    public func forEachRow(_ body: (_ step: Int, _ row: TraceRow) -> Void) {
        let n = parameterCount
        let stateWidth = n * stateNames.count
        let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: 3 * n + stateWidth)
        defer { scratch.deallocate() }
        let parameters = UnsafeBufferPointer(rebasing: scratch[0..<n])
        let gradient = UnsafeBufferPointer(rebasing: scratch[n..<2 * n])
        let state = UnsafeBufferPointer(rebasing: scratch[2 * n..<2 * n + stateWidth])
        let update = UnsafeBufferPointer(rebasing: scratch[2 * n + stateWidth..<3 * n + stateWidth])
        for row in 0..<count {
            // valueColumns are parameters, gradient, state, update: the scratch buffer's order.
            for c in 0..<valueColumns.count { scratch[c] = valueColumns[c][row] }
            body(row, TraceRow(
                epoch: epochColumn[row], batch: batchColumn[row], learningRate: learningRateColumn[row],
                loss: lossColumn[row], lossIsExact: isLossExact(row: row),
                batchLoss: hasBatchLoss ? batchLossColumn[row] : .nan,
                parameters: parameters, gradient: gradient, update: update, state: state))
        }
    }
}
