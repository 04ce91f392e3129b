/// Hands each trace row the data rows its loss and gradient see, shuffling at the start of every epoch when seeded.
///
/// Row k belongs to epoch ⌊k / B⌋ and batch k mod B (B = batches per epoch);
/// batch b covers positions [b·K, min((b + 1)·K, R)) of the epoch's order.
/// The batcher walks the rows in order (`advance()` moves to the next one),
/// so it counts epochs and batches instead of dividing every step.
@usableFromInline
struct Batcher {
    @usableFromInline let order: UnsafeMutableBufferPointer<Int>
    @usableFromInline let batchSize: Int
    @usableFromInline let batchesPerEpoch: Int
    @usableFromInline var generator: SeededGenerator?
    /// Epoch of the current row.
    @usableFromInline var epochIndex = 0
    /// Batch within its epoch of the current row.
    @usableFromInline var batchIndex = 0
    /// The data rows of the current row.
    @usableFromInline var rows: UnsafeBufferPointer<Int>

    /// Allocates the row order (file order, shuffled for epoch 0 when seeded) and stands on row 0;
    /// call `deallocate()` when done.
    @usableFromInline
    init(plan: RunPlan) {
        order = .allocate(capacity: plan.rowCount)
        for i in 0..<plan.rowCount { order.initializeElement(at: i, to: i) }
        batchSize = plan.batchSize
        batchesPerEpoch = plan.batchesPerEpoch
        generator = plan.shuffleSeed.map { SeededGenerator(seed: $0) }
        rows = UnsafeBufferPointer(start: nil, count: 0)
        startBatch()
    }

    @usableFromInline
    func deallocate() { order.deallocate() }

    /// Epoch of the current row.
    @inlinable
    var epoch: Int32 { Int32(truncatingIfNeeded: epochIndex) }

    /// Batch within its epoch of the current row.
    @inlinable
    var batch: Int32 { Int32(truncatingIfNeeded: batchIndex) }

    /// Moves to the next row (each epoch's first row reshuffles).
    @inlinable
    mutating func advance() {
        batchIndex += 1
        if batchIndex == batchesPerEpoch {
            batchIndex = 0
            epochIndex += 1
        }
        startBatch()
    }

    @inlinable
    mutating func startBatch() {
        if order.isEmpty { return }
        if batchIndex == 0, generator != nil { generator!.shuffle(order) }
        let begin = batchIndex * batchSize
        let end = min(begin + batchSize, order.count)
        rows = UnsafeBufferPointer(start: order.baseAddress! + begin, count: end - begin)
    }
}
