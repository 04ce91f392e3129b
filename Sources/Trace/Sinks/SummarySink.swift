/// A `TraceSink` that keeps only the last row's parameters and loss: memory independent of the number of steps.
public struct SummarySink: TraceSink {
    let parameterNames: [String]
    var rows = 0
    var last: [Double]
    var lastLoss = Double.nan

    /// Creates a sink for rows of `layout`.
    public init(layout: TraceLayout) {
        parameterNames = layout.parameterNames
        last = Array(repeating: .nan, count: layout.parameterNames.count)
    }

    /// Keeps θ and the loss of the row (the last row's loss is always evaluated).
    public mutating func append(_ row: TraceRow) {
        rows += 1
        lastLoss = row.loss
        last.withUnsafeMutableBufferPointer { last in
            for i in 0..<last.count { last[i] = row.parameters[i] }
        }
    }

    /// The summary of the run.
    public consuming func finish(verdict: Verdict) -> TraceSummary {
        TraceSummary(verdict: verdict, stepCount: max(rows - 1, 0), parameterNames: parameterNames,
                     finalParameters: last, finalLoss: lastLoss)
    }
}
