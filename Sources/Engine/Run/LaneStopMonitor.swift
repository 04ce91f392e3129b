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
    private let markRow: UnsafeMutablePointer<Int>
    private let total: UnsafeMutablePointer<Int>
    // … and `StopMonitor`'s state.
    private let initialLoss: UnsafeMutablePointer<Double>
    private let bestLoss: UnsafeMutablePointer<Double>
    private let previousLoss: UnsafeMutablePointer<Double>
    private let markLoss: UnsafeMutablePointer<Double>
    private let squaredNorm: UnsafeMutablePointer<Double>
    private let finite: UnsafeMutablePointer<Bool>
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
        doubles = [divergenceFactor, gradientTolerance, lossChangeTolerance, initialLoss, bestLoss, previousLoss, markLoss,
                   squaredNorm]
        markRow = .allocate(capacity: width)
        total = .allocate(capacity: width)
        finite = .allocate(capacity: width)
        for buffer in doubles { buffer.initialize(repeating: .nan, count: width) }
        bestLoss.update(repeating: .infinity, count: width)
        markRow.initialize(repeating: 0, count: width)
        total.initialize(repeating: 0, count: width)
        finite.initialize(repeating: true, count: width)
        for (l, plan) in plans.enumerated() {
            divergenceFactor[l] = plan.stop.divergenceFactor
            gradientTolerance[l] = plan.stop.gradientTolerance ?? -.infinity
            lossChangeTolerance[l] = plan.stop.lossChangeTolerance ?? -.infinity
            markRow[l] = StillFalling.markRow(steps: plan.totalSteps)
            total[l] = plan.totalSteps
        }
    }

    deinit {
        for buffer in doubles { buffer.deallocate() }
        markRow.deallocate()
        total.deallocate()
        finite.deallocate()
    }

    /// Screens row k of lanes `0..<m` (losses at `loss[l]`, θ and ∇f struct of arrays) and writes the
    /// lanes that may end into `flagged`, in lane order; returns how many. Unflagged lanes are updated
    /// as `StopMonitor.check` updates its state on a row where no rule fires.
    func screen(row k: Int, loss: UnsafePointer<Double>, theta: UnsafePointer<Double>, gradient: UnsafePointer<Double>,
                lanes m: Int, flagged: UnsafeMutablePointer<Int>) -> Int {
        let finite = self.finite, squaredNorm = self.squaredNorm
        for l in 0..<m {
            finite[l] = loss[l].isFinite
            squaredNorm[l] = 0.0
        }
        // ‖∇f‖² summed parameter by parameter, as `check` sums it.
        for i in 0..<parameterCount {
            let th = theta + i &* width, g = gradient + i &* width
            for l in 0..<m {
                let gl = g[l]
                finite[l] = finite[l] && th[l].isFinite && gl.isFinite
                squaredNorm[l] += gl * gl
            }
        }
        var count = 0
        for l in 0..<m {
            let f = loss[l]
            var ends = !finite[l] || k == total[l] || squaredNorm[l].squareRoot() < gradientTolerance[l]
            if k > 0 {
                let initial = initialLoss[l]
                ends = ends || f < -StopMonitor.unboundedFactor * max(1, initial.magnitude)
                    || f > divergenceFactor[l] * max(initial.magnitude, bestLoss[l].magnitude, 1)
                    || (f - previousLoss[l]).magnitude < lossChangeTolerance[l]
            }
            if ends {
                flagged[count] = l
                count += 1
                continue
            }
            if k == 0 { initialLoss[l] = f }
            bestLoss[l] = min(bestLoss[l], f)
            if k >= markRow[l] && markLoss[l].isNaN { markLoss[l] = f }
            previousLoss[l] = f
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
        markRow[to] = markRow[from]
        total[to] = total[from]
    }
}
