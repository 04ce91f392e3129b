/// Hands each trace row the data rows its loss and gradient see, shuffling at the start of every epoch when seeded.
///
/// Row k belongs to epoch ⌊k / B⌋ and batch k mod B (B = batches per epoch);
/// batch b covers positions [b·K, min((b + 1)·K, R)) of the epoch's order.
@usableFromInline
struct Batcher {
    @usableFromInline let order: UnsafeMutableBufferPointer<Int>
    @usableFromInline let batchSize: Int
    @usableFromInline let batchesPerEpoch: Int
    @usableFromInline var generator: SeededGenerator?

    /// Allocates the row order (file order); call `deallocate()` when done.
    @usableFromInline
    init(plan: RunPlan) {
        order = .allocate(capacity: plan.rowCount)
        for i in 0..<plan.rowCount { order.initializeElement(at: i, to: i) }
        batchSize = plan.batchSize
        batchesPerEpoch = plan.batchesPerEpoch
        generator = plan.shuffleSeed.map { SeededGenerator(seed: $0) }
    }

    @usableFromInline
    func deallocate() { order.deallocate() }

    /// Epoch of row k.
    @inlinable
    func epoch(ofRow k: Int) -> Int32 { Int32(truncatingIfNeeded: k / batchesPerEpoch) }

    /// Batch within its epoch of row k.
    @inlinable
    func batch(ofRow k: Int) -> Int32 { Int32(truncatingIfNeeded: k % batchesPerEpoch) }

    /// The data rows of row k; rows must be asked for in increasing k (each epoch's first row reshuffles).
    @inlinable
    mutating func rows(forRow k: Int) -> UnsafeBufferPointer<Int> {
        if order.isEmpty { return UnsafeBufferPointer(start: nil, count: 0) }
        let b = k % batchesPerEpoch
        if b == 0, generator != nil { generator!.shuffle(order) }
        let begin = b * batchSize
        let end = min(begin + batchSize, order.count)
        return UnsafeBufferPointer(rebasing: order[begin..<end])
    }
}
