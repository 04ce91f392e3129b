/// `forward()`'s operations divided for evaluation along one parameter element θᵢ.
///
/// An operation is *moving* when θᵢ reaches it (it reads θᵢ or a moving operation's value),
/// else *held*. Both keep `forward()`'s order, so running the held ones and then the moving
/// ones computes every value exactly as `forward()` does.
struct TapeSplit<Operation> {
    /// The operations θᵢ does not reach, in order.
    var held: [Operation]
    /// The operations θᵢ reaches, in order.
    var moving: [Operation]
    /// The value ranges a line over data rows saves per row: those the moving operations (or
    /// the output, if not moving) read that change from row to row (data columns, values
    /// computed from them, held operations' values).
    var frontier: [(offset: Int, count: Int)]
}

/// A compiled tape that can split its forward pass along one parameter element.
protocol SplitTape: CompiledTape {
    /// One operation of the forward pass.
    associatedtype Operation
    /// Number of parameter elements (θ's length).
    var parameterCount: Int { get }
    /// The value buffer (θ's elements at offsets 0..<parameterCount).
    var valueBuffer: UnsafeMutablePointer<Double> { get }
    /// `forward()`'s operations split along parameter element `index`.
    func split(along index: Int) -> TapeSplit<Operation>
    /// Runs `count` operations in order.
    func run(_ operations: UnsafePointer<Operation>, count: Int)
    /// A tape with the same program and data and its own buffers.
    func copy() -> Self
}

/// L(θ; rows) along parameter element θᵢ on a tape of its own: `hold(θ)` runs the operations
/// θᵢ does not reach (per data row, saving what the rest read), `loss(at:)` only the others.
///
/// ```
/// hold(θ):     load θ; for each row r: load r, run held, save frontier(r)
/// loss(at x):  θᵢ = x; for each row r: restore frontier(r), run moving, total += value
///              → total / |rows|       (no data: run held once, then moving; → value)
/// ```
/// Every value is computed by the same operation from the same inputs as `meanLoss` computes
/// it, and the rows are summed in the same order, so `loss(at:)` equals `meanLoss` bit for bit.
final class TapeLine<T: SplitTape> {
    private let tape: T
    private let values: UnsafeMutablePointer<Double>
    private let index: Int
    private let held: UnsafeMutablePointer<T.Operation>
    private let heldCount: Int
    private let moving: UnsafeMutablePointer<T.Operation>
    private let movingCount: Int
    /// Whether the tape reads data rows (else `rows` is ignored, as `meanLoss` ignores it).
    private let usesRows: Bool
    private let rows: UnsafeMutablePointer<Int>
    private let rowsCount: Int
    private let frontierOffsets: UnsafeMutablePointer<Int>
    private let frontierCounts: UnsafeMutablePointer<Int>
    private let frontierCount: Int
    /// Elements saved per row: the frontier's total size.
    private let frontierWidth: Int
    /// Row k's frontier at `saved + k * frontierWidth`.
    private let saved: UnsafeMutablePointer<Double>

    /// The line along parameter element `index` on `tape` (which it then owns), over data rows `rows`
    /// of the objective's `rowCount` (0: no data, `rows` ignored), as `meanLoss` takes them.
    init(_ tape: T, along index: Int, rows: [Int], rowCount: Int) {
        precondition(index >= 0 && index < tape.parameterCount, "the line's parameter is out of range")
        self.tape = tape
        self.index = index
        values = tape.valueBuffer
        let split = tape.split(along: index)
        heldCount = split.held.count
        held = .allocate(capacity: Swift.max(heldCount, 1))
        held.initialize(from: split.held, count: heldCount)
        movingCount = split.moving.count
        moving = .allocate(capacity: Swift.max(movingCount, 1))
        moving.initialize(from: split.moving, count: movingCount)
        usesRows = rowCount > 0
        let usedRows = usesRows ? rows : []
        precondition(usedRows.allSatisfy { $0 >= 0 && $0 < rowCount }, "row index out of range")
        rowsCount = usedRows.count
        self.rows = .allocate(capacity: Swift.max(rowsCount, 1))
        self.rows.initialize(from: usedRows, count: rowsCount)
        let frontier = usesRows ? split.frontier : []
        frontierCount = frontier.count
        frontierOffsets = .allocate(capacity: Swift.max(frontierCount, 1))
        frontierOffsets.initialize(from: frontier.map(\.offset), count: frontierCount)
        frontierCounts = .allocate(capacity: Swift.max(frontierCount, 1))
        frontierCounts.initialize(from: frontier.map(\.count), count: frontierCount)
        frontierWidth = frontier.reduce(0) { $0 + $1.count }
        saved = .allocate(capacity: Swift.max(frontierWidth * rowsCount, 1))
        saved.initialize(repeating: 0, count: Swift.max(frontierWidth * rowsCount, 1))
    }

    deinit {
        held.deallocate()
        moving.deallocate()
        rows.deallocate()
        frontierOffsets.deallocate()
        frontierCounts.deallocate()
        saved.deallocate()
    }

    /// Loads θ (θᵢ's entry is ignored) and runs what θᵢ does not reach, for every row.
    func hold(_ theta: UnsafeBufferPointer<Double>) {
        precondition(theta.count == tape.parameterCount, "θ needs one entry per parameter")
        tape.load(parameters: theta)
        guard usesRows else {
            tape.run(held, count: heldCount)
            return
        }
        for k in 0..<rowsCount {
            tape.load(row: rows[k])
            tape.run(held, count: heldCount)
            var target = saved + k * frontierWidth
            for f in 0..<frontierCount {
                target.update(from: values + frontierOffsets[f], count: frontierCounts[f])
                target += frontierCounts[f]
            }
        }
    }

    /// The mean loss over the rows (the loss itself without data) at the held θ with θᵢ = x.
    func loss(at x: Double) -> Double {
        values[index] = x
        guard usesRows else {
            tape.run(moving, count: movingCount)
            return tape.value
        }
        var total = 0.0
        for k in 0..<rowsCount {
            var source = saved + k * frontierWidth
            for f in 0..<frontierCount {
                (values + frontierOffsets[f]).update(from: source, count: frontierCounts[f])
                source += frontierCounts[f]
            }
            tape.run(moving, count: movingCount)
            total += tape.value
        }
        return total / Double(rowsCount)
    }
}
