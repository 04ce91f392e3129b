import Trace

/// The stop monitor's per-row test for a block of cells, struct of arrays: one pass over the lanes
/// screens every live cell; only a cell where a rule may fire (or whose budget is spent) goes to its
/// own `StopMonitor`, rebuilt from the lane's state, for the verdict and its words.
///
/// The screen checks the same rules as `StopMonitor.check` with the same expressions (runs without
/// data: the loss is over all data on every row and is the batch loss), so it flags a lane exactly when
/// `check` would end it or the budget is spent; a lane that is not flagged takes `check`'s state updates
/// here. Any difference would cost time, not correctness: a flagged lane's verdict always comes from
/// `StopMonitor`, which also decides whether it ends at all.
final class LaneStopMonitor {
    private let width: Int
    private let parameterCount: Int
    // Per lane: the rules' numbers (a missing tolerance is −∞, which nothing is below) …
    private let divergenceFactor: UnsafeMutablePointer<Double>
    private let gradientTolerance: UnsafeMutablePointer<Double>
    private let lossChangeTolerance: UnsafeMutablePointer<Double>
    /// Rows as doubles (exact below 2⁵³), so the screen's loops compare doubles only.
    private let markRow: UnsafeMutablePointer<Double>
    private let total: UnsafeMutablePointer<Double>
    /// The smallest budget of the block's lanes: no lane's budget ends before it.
    private let firstBudgetEnd: Int
    /// The smallest mark row of the block's lanes (see `StillFalling.markRow`).
    private let firstMarkRow: Int
    /// Whether any lane has a gradient-norm rule (its square root is skipped otherwise).
    private let hasGradientRule: Bool
    /// Whether any lane has a loss-change rule.
    private let hasLossChangeRule: Bool
    // … and `StopMonitor`'s state.
    private let initialLoss: UnsafeMutablePointer<Double>
    private let bestLoss: UnsafeMutablePointer<Double>
    private let previousLoss: UnsafeMutablePointer<Double>
    private let markLoss: UnsafeMutablePointer<Double>
    private let squaredNorm: UnsafeMutablePointer<Double>
    /// Per lane: whether the row may end the run (0 or 1).
    private let ends: UnsafeMutablePointer<UInt8>
    private let doubles: [UnsafeMutablePointer<Double>]

    /// A monitor for lanes `0..<plans.count` (at most `width`), lane l with the stop rules and budget of `plans[l]`.
    init(plans: [RunPlan], parameterCount: Int, width: Int) {
        precondition(plans.count <= width, "more lanes than the block has")
        self.width = width
        self.parameterCount = parameterCount
        divergenceFactor = .allocate(capacity: width)
        gradientTolerance = .allocate(capacity: width)
        lossChangeTolerance = .allocate(capacity: width)
        initialLoss = .allocate(capacity: width)
        bestLoss = .allocate(capacity: width)
        previousLoss = .allocate(capacity: width)
        markLoss = .allocate(capacity: width)
        squaredNorm = .allocate(capacity: width)
        ends = .allocate(capacity: width)
        markRow = .allocate(capacity: width)
        total = .allocate(capacity: width)
        doubles = [divergenceFactor, gradientTolerance, lossChangeTolerance, initialLoss, bestLoss, previousLoss, markLoss,
                   squaredNorm, markRow, total]
        for buffer in doubles { buffer.initialize(repeating: .nan, count: width) }
        bestLoss.update(repeating: .infinity, count: width)
        ends.initialize(repeating: 0, count: width)
        for (l, plan) in plans.enumerated() {
            divergenceFactor[l] = plan.stop.divergenceFactor
            gradientTolerance[l] = plan.stop.gradientTolerance ?? -.infinity
            lossChangeTolerance[l] = plan.stop.lossChangeTolerance ?? -.infinity
            markRow[l] = Double(StillFalling.markRow(steps: plan.totalSteps))
            total[l] = Double(plan.totalSteps)
        }
        firstBudgetEnd = plans.map(\.totalSteps).min() ?? 0
        firstMarkRow = StillFalling.markRow(steps: firstBudgetEnd)
        hasGradientRule = plans.contains { $0.stop.gradientTolerance != nil }
        hasLossChangeRule = plans.contains { $0.stop.lossChangeTolerance != nil }
    }

    deinit {
        for buffer in doubles { buffer.deallocate() }
        ends.deallocate()
    }

    /// Screens row k of lanes `0..<m` (losses at `loss[l]`, θ and ∇f struct of arrays) and writes the
    /// lanes that may end into `flagged`, in lane order; returns how many. Unflagged lanes are updated
    /// as `StopMonitor.check` updates its state on a row where no rule fires; flagged lanes keep the
    /// state they had before the row, for their own `StopMonitor`. Each pass is a loop without branches
    /// over the lanes (selects, not jumps), one rule at a time, so the compiler vectorises it.
    func screen(row k: Int, loss: UnsafePointer<Double>, theta: UnsafePointer<Double>, gradient: UnsafePointer<Double>,
                lanes m: Int, flagged: UnsafeMutablePointer<Int>) -> Int {
        let ends = self.ends, squaredNorm = self.squaredNorm
        // Finite (|x| < ∞ is false for ±∞ and NaN) and, for the gradient rule, ‖∇f‖², summed parameter by
        // parameter as `check` sums it.
        for l in 0..<m {
            ends[l] = loss[l].magnitude < .infinity ? 0 : 1
            squaredNorm[l] = 0.0
        }
        for i in 0..<parameterCount {
            let th = theta + i &* width, g = gradient + i &* width
            if hasGradientRule {
                for l in 0..<m {
                    let gl = g[l]
                    ends[l] |= th[l].magnitude < .infinity && gl.magnitude < .infinity ? 0 : 1
                    squaredNorm[l] += gl * gl
                }
            } else {
                for l in 0..<m { ends[l] |= th[l].magnitude < .infinity && g[l].magnitude < .infinity ? 0 : 1 }
            }
        }
        let row = Double(k)
        if k >= firstBudgetEnd {
            let total = self.total
            for l in 0..<m { ends[l] |= row == total[l] ? 1 : 0 }
        }
        if hasGradientRule {
            let gradientTolerance = self.gradientTolerance
            for l in 0..<m { ends[l] |= squaredNorm[l].squareRoot() < gradientTolerance[l] ? 1 : 0 }
        }
        let initialLoss = self.initialLoss, bestLoss = self.bestLoss, previousLoss = self.previousLoss
        if k == 0 {
            for l in 0..<m { initialLoss[l] = ends[l] != 0 ? initialLoss[l] : loss[l] }
        } else {
            let divergenceFactor = self.divergenceFactor
            // In a lane still running the initial and best losses are finite, where max(a, b, 1) =
            // max(max(a, b), 1); in a lane already flagged these tests change nothing.
            for l in 0..<m {
                let f = loss[l], initial = initialLoss[l].magnitude
                let unbounded = f < -StopMonitor.unboundedFactor * max(1, initial)
                let runaway = f > divergenceFactor[l] * max(max(initial, bestLoss[l].magnitude), 1)
                ends[l] |= unbounded || runaway ? 1 : 0
            }
            if hasLossChangeRule {
                let lossChangeTolerance = self.lossChangeTolerance
                for l in 0..<m { ends[l] |= (loss[l] - previousLoss[l]).magnitude < lossChangeTolerance[l] ? 1 : 0 }
            }
        }
        var any: UInt8 = 0
        for l in 0..<m {
            let f = loss[l], keep = ends[l] != 0
            any |= ends[l]
            bestLoss[l] = keep ? bestLoss[l] : min(bestLoss[l], f)
        }
        // The still-falling rule's mark (no lane's mark row comes before the smallest budget's) and the
        // previous loss (read by the loss-change rule only).
        if k >= firstMarkRow {
            let markLoss = self.markLoss, markRow = self.markRow
            for l in 0..<m {
                markLoss[l] = ends[l] == 0 && row >= markRow[l] && markLoss[l].isNaN ? loss[l] : markLoss[l]
            }
        }
        if hasLossChangeRule {
            for l in 0..<m { previousLoss[l] = ends[l] != 0 ? previousLoss[l] : loss[l] }
        }
        guard any != 0 else { return 0 }
        var count = 0
        for l in 0..<m where ends[l] != 0 {
            flagged[count] = l
            count += 1
        }
        return count
    }

    /// Lane l's `StopMonitor` for a flagged row: its rules and budget from `plan`, its state from the lane.
    func monitor(lane l: Int, plan: RunPlan) -> StopMonitor {
        var monitor = StopMonitor(rules: plan.stop, names: plan.parameterNames, totalSteps: plan.totalSteps)
        monitor.initialLoss = initialLoss[l]
        monitor.bestLoss = bestLoss[l]
        monitor.previousLoss = previousLoss[l]
        monitor.markLoss = markLoss[l]
        return monitor
    }

    /// Takes back the state of a flagged lane that did not end.
    func keep(_ monitor: StopMonitor, lane l: Int) {
        initialLoss[l] = monitor.initialLoss
        bestLoss[l] = monitor.bestLoss
        previousLoss[l] = monitor.previousLoss
        markLoss[l] = monitor.markLoss
    }

    /// Copies lane `from`'s rules and state to lane `to`.
    func move(from: Int, to: Int) {
        for buffer in doubles { buffer[to] = buffer[from] }
    }
}
