import Trace

/// One run between two steps: its optimizer, constraints, batches, stop rules, step count and buffers.
///
/// `runLoop` steps one run through it; `RunGrid` steps many runs in lockstep, their gradients computed
/// together. Both hand it the same numbers in the same order, so a map's cell does exactly what
/// `steptrace trace` does with the same settings. Allocates its buffers once; call `deallocate()`.
@usableFromInline
struct RunCursor<Opt: Optimizer> {
    @usableFromInline var optimizer: Opt
    @usableFromInline var projector: ConstraintProjector
    @usableFromInline var batcher: Batcher
    @usableFromInline var monitor: StopMonitor
    /// θ_k, then (after `advance`) θ_{k+1}.
    @usableFromInline let theta: UnsafeMutableBufferPointer<Double>
    @usableFromInline let previous: UnsafeMutableBufferPointer<Double>
    /// ∇f(θ_k; batch k): the caller writes it before `advance`.
    @usableFromInline let gradient: UnsafeMutableBufferPointer<Double>
    @usableFromInline let update: UnsafeMutableBufferPointer<Double>
    @usableFromInline let state: UnsafeMutableBufferPointer<Double>
    @usableFromInline let stateWidth: Int
    @usableFromInline let eta: Double
    @usableFromInline let schedule: Schedule
    /// Whether the rate never changes (most runs): no schedule to evaluate per step.
    @usableFromInline let constantRate: Bool
    /// The step budget.
    @usableFromInline let total: Int
    /// The current row.
    @usableFromInline var k = 0

    /// Stands on row 0 of `plan` with a fresh `optimizer`.
    @usableFromInline
    init(plan: RunPlan, optimizer: Opt) {
        self.optimizer = optimizer
        let n = plan.parameterCount
        stateWidth = n * optimizer.stateNames.count
        projector = ConstraintProjector(plan.constraints, start: plan.start)
        batcher = Batcher(plan: plan)
        monitor = StopMonitor(rules: plan.stop, names: plan.parameterNames, totalSteps: plan.totalSteps)
        theta = .allocate(capacity: n)
        previous = .allocate(capacity: n)
        gradient = .allocate(capacity: n)
        update = .allocate(capacity: n)
        state = .allocate(capacity: stateWidth)
        _ = theta.initialize(from: plan.start)
        previous.initialize(repeating: 0)
        gradient.initialize(repeating: 0)
        update.initialize(repeating: 0)
        state.initialize(repeating: 0)
        eta = plan.settings.learningRate
        schedule = plan.schedule
        constantRate = plan.schedule.isConstant
        total = plan.totalSteps
    }

    /// Frees the buffers.
    @usableFromInline
    func deallocate() {
        theta.deallocate()
        previous.deallocate()
        gradient.deallocate()
        update.deallocate()
        state.deallocate()
        batcher.deallocate()
    }

    /// Whether row k is the budget's last.
    @inlinable
    var isLast: Bool { k == total }

    /// Finishes row k, whose `gradient` the caller has written, with its losses (`loss` over all data
    /// when `exact`, `batchLoss` on the gradient's batch): hands the row to `sink` and either takes step
    /// k + 1 (returns nil) or ends the run (returns the verdict). `objective` and `allRows` are used only
    /// when the run ends: the last row's loss over all data if it was not evaluated, and the saddle check.
    @inlinable @inline(__always)
    mutating func advance<O: Objective, S: TraceSink & ~Copyable>(
        loss givenLoss: Double, exact: Bool, batchLoss: Double, objective: O, allRows: UnsafeBufferPointer<Int>,
        sink: inout S
    ) -> Verdict? {
        var loss = givenLoss
        let n = theta.count
        let gradientIn = UnsafeBufferPointer(gradient)
        let updateIn = UnsafeBufferPointer(update)
        let stateIn = UnsafeBufferPointer(state)
        // η · 1 would be η as well; skipping the schedule only saves its switch.
        let rate = constantRate ? eta : schedule.learningRate(base: eta, step: k)
        if S.readsState {
            let width = stateWidth, state = self.state
            optimizer.withState { current in
                for j in 0..<width { state[j] = current[j] }
            }
        }
        var verdict = monitor.check(row: k, loss: loss, exact: exact, batchLoss: batchLoss, theta: theta, gradient: gradient)
        if verdict == nil && isLast { verdict = monitor.budgetSpent(steps: total, finalLoss: loss) }
        if let stop = verdict {
            if !exact { loss = objective.loss(at: UnsafeBufferPointer(theta), rows: allRows) }
            for i in 0..<n { update[i] = 0 }
            sink.append(TraceRow(
                epoch: batcher.epoch, batch: batcher.batch, learningRate: rate, loss: loss, batchLoss: batchLoss,
                parameters: UnsafeBufferPointer(theta), gradient: gradientIn, update: updateIn, state: stateIn))
            if monitor.stoppedByGradient, let saddle = SaddleCheck.verdict(objective, at: theta) { return saddle }
            return stop
        }
        for i in 0..<n { previous[i] = theta[i] }
        optimizer.update(theta: theta, gradient: gradientIn, learningRate: rate, step: k)
        if !projector.isEmpty { projector.apply(to: theta) }
        for i in 0..<n { update[i] = theta[i] - previous[i] }
        sink.append(TraceRow(
            epoch: batcher.epoch, batch: batcher.batch, learningRate: rate, loss: loss, lossIsExact: exact,
            batchLoss: batchLoss, parameters: UnsafeBufferPointer(previous), gradient: gradientIn, update: updateIn,
            state: stateIn))
        batcher.advance()
        k += 1
        return nil
    }
}
