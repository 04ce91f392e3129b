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
    /// Per lane: the screen's verdict on the row, a mask (all bits set where the row may end the run).
    private let ends: UnsafeMutablePointer<Int64>
    private let doubles: [UnsafeMutablePointer<Double>]

    /// A monitor for lanes `0..<plans.count` (at most `width`), lane l with the stop rules and budget of `plans[l]`.
    init(plans: [RunPlan], parameterCount: Int, width: Int) {
        precondition(plans.count <= width, "more lanes than the block has")
        precondition(width % 2 == 0, "the screen steps two lanes at a time")
        self.width = width
        self.parameterCount = parameterCount
        divergenceFactor = .allocate(capacity: width)
        gradientTolerance = .allocate(capacity: width)
        lossChangeTolerance = .allocate(capacity: width)
        initialLoss = .allocate(capacity: width)
        bestLoss = .allocate(capacity: width)
        previousLoss = .allocate(capacity: width)
        markLoss = .allocate(capacity: width)
        ends = .allocate(capacity: width)
        ends.initialize(repeating: 0, count: width)
        markRow = .allocate(capacity: width)
        total = .allocate(capacity: width)
        doubles = [divergenceFactor, gradientTolerance, lossChangeTolerance, initialLoss, bestLoss, previousLoss, markLoss,
                   markRow, total]
        for buffer in doubles { buffer.initialize(repeating: .nan, count: width) }
        bestLoss.update(repeating: .infinity, count: width)
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
    /// state they had before the row, for their own `StopMonitor`.
    ///
    /// One pass over the lanes, two at a time (`LanePair`), every rule tested and every state update
    /// made as a select, not a jump. When m is odd the pass also screens lane m (the width is even, so it
    /// exists): that lane is not live, its numbers are left over and never read again, and it is never
    /// flagged.
    func screen(row k: Int, loss: UnsafePointer<Double>, theta: UnsafePointer<Double>, gradient: UnsafePointer<Double>,
                lanes m: Int, flagged: UnsafeMutablePointer<Int>) -> Int {
        typealias V = LanePair.Value
        let w = width, n = parameterCount
        let row = V(repeating: Double(k)), zero = V(repeating: 0), one = V(repeating: 1)
        let unboundedFactor = V(repeating: -StopMonitor.unboundedFactor)
        let first = k == 0, checkBudget = k >= firstBudgetEnd, checkMark = k >= firstMarkRow
        let gradientRule = hasGradientRule, lossChangeRule = hasLossChangeRule
        let initialLoss = self.initialLoss, bestLoss = self.bestLoss, previousLoss = self.previousLoss
        let markLoss = self.markLoss, markRow = self.markRow, total = self.total
        let divergenceFactor = self.divergenceFactor, gradientTolerance = self.gradientTolerance
        let lossChangeTolerance = self.lossChangeTolerance
        let endsRow = self.ends
        var anyEnds = LanePair.Mask(repeating: false)
        var l = 0
        while l < m {
            let f = LanePair.load(loss, l)
            // Not finite: x − x is 0 for a finite x and NaN for ±∞ and NaN.
            var ends = f - f .!= zero
            // ‖∇f‖², summed parameter by parameter as `check` sums it.
            var squaredNorm = zero
            if n == 2 && !gradientRule {
                // Two parameters without the gradient rule (the usual map), unrolled.
                let t0 = LanePair.load(theta, l), g0 = LanePair.load(gradient, l)
                let t1 = LanePair.load(theta + w, l), g1 = LanePair.load(gradient + w, l)
                ends .|= (t0 - t0 .!= zero) .| (g0 - g0 .!= zero) .| (t1 - t1 .!= zero) .| (g1 - g1 .!= zero)
            } else {
                for i in 0..<n {
                    let th = LanePair.load(theta + i &* w, l), g = LanePair.load(gradient + i &* w, l)
                    ends .|= (th - th .!= zero) .| (g - g .!= zero)
                    if gradientRule { squaredNorm += g * g }
                }
            }
            if checkBudget { ends .|= row .== LanePair.load(total, l) }
            if gradientRule { ends .|= squaredNorm.squareRoot() .< LanePair.load(gradientTolerance, l) }
            let initial = LanePair.load(initialLoss, l), best = LanePair.load(bestLoss, l)
            if first {
                LanePair.store(LanePair.select(initial, f, where: .!ends), initialLoss, l)
            } else {
                // In a lane still running the initial and best losses are finite, where max(a, b, 1) =
                // max(max(a, b), 1); in a lane already flagged these tests change nothing.
                let a = LanePair.magnitude(initial), b = LanePair.magnitude(best)
                let unbounded = f .< unboundedFactor * LanePair.select(a, one, where: one .> a)
                let larger = LanePair.select(a, b, where: b .> a)
                let runaway = f .> LanePair.load(divergenceFactor, l) * LanePair.select(larger, one, where: one .> larger)
                ends .|= unbounded .| runaway
                if lossChangeRule {
                    ends .|= LanePair.magnitude(f - LanePair.load(previousLoss, l)) .< LanePair.load(lossChangeTolerance, l)
                }
            }
            let keep = .!ends
            LanePair.store(LanePair.select(best, f, where: keep .& (f .< best)), bestLoss, l)
            // The still-falling rule's mark (no lane's mark row comes before the smallest budget's) and the
            // previous loss (read by the loss-change rule only).
            if checkMark {
                let mark = LanePair.load(markLoss, l)
                LanePair.store(LanePair.select(mark, f, where: keep .& (row .>= LanePair.load(markRow, l)) .& (mark .!= mark)),
                               markLoss, l)
            }
            if lossChangeRule { LanePair.store(LanePair.select(LanePair.load(previousLoss, l), f, where: keep), previousLoss, l) }
            // Kept for the flagged lanes' pass below (rare: a lane is flagged once, on the row that may end it).
            UnsafeMutableRawPointer(endsRow + l).storeBytes(of: ends, as: LanePair.Mask.self)
            anyEnds .|= ends
            l &+= 2
        }
        guard any(anyEnds) else { return 0 }
        var count = 0
        for l in 0..<m where endsRow[l] != 0 {
            flagged[count] = l
            count &+= 1
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
