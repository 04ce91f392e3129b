/// Which data rows each step sees.
public struct Batching: Sendable, Equatable {
    /// nil: the whole data set each step; K: K rows per step (the last batch of an epoch may be shorter).
    public var batchSize: Int?
    /// nil: file order; a seed: rows shuffled at the start of every epoch by a seeded generator.
    /// Full batches are never shuffled (it would only reorder a sum), and then no seed is recorded in the trace.
    public var shuffleSeed: UInt64?

    /// Creates a batching choice (full batch, file order by default).
    public init(batchSize: Int? = nil, shuffleSeed: UInt64? = nil) {
        self.batchSize = batchSize
        self.shuffleSeed = shuffleSeed
    }
}
