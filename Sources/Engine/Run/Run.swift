import Trace

/// Where a running run is; handed to the progress callback about every 1% of the budget.
public struct RunProgress: Sendable, Equatable {
    /// Updates made so far.
    public let step: Int
    /// The step budget.
    public let totalSteps: Int
    /// f(θ_step) on its batch.
    public let loss: Double

    /// Creates a progress report.
    public init(step: Int, totalSteps: Int, loss: Double) {
        self.step = step
        self.totalSteps = totalSteps
        self.loss = loss
    }
}

/// Runs `spec` on `objective` and returns the trace: one row per step, row 0 the start.
///
/// Validates first (a bad spec throws a `RunSpecError` and nothing runs).
/// Then, with row k as documented on `Trace`:
/// ```
/// for k = 0, 1, …:   η_k = schedule(η, t: k)
///                    θ_{k+1} = constrain(optimizer(θ_k, ∇f(θ_k; batch k), η_k))
/// ```
/// until a stop rule fires or the budget is spent. Divergence is a verdict,
/// never an error: the trace keeps every row up to and including the bad one.
/// The optimizer is chosen once here; the loop itself is generic, so both
/// objective and optimizer are specialised into it.
@inlinable
public func run<O: Objective>(
    _ objective: O, spec: RunSpec, progress: ((RunProgress) -> Void)? = nil
) throws -> Trace {
    let plan = try RunPlan(spec: spec, parameterNames: objective.parameterNames, rowCount: objective.rowCount)
    let n = plan.parameterCount
    let settings = plan.settings
    switch (settings.kind, settings.convention) {
    case (.sgd, .keras):
        return runLoop(objective, KerasSGD(parameterCount: n, settings: settings), plan, progress)
    case (.sgd, .pytorch):
        return runLoop(objective, PyTorchSGD(parameterCount: n, settings: settings), plan, progress)
    case (.adagrad, .keras):
        return runLoop(objective, KerasAdagrad(parameterCount: n, settings: settings), plan, progress)
    case (.adagrad, .pytorch):
        return runLoop(objective, PyTorchAdagrad(parameterCount: n, settings: settings), plan, progress)
    case (.rmsprop, .keras):
        return runLoop(objective, KerasRMSprop(parameterCount: n, settings: settings), plan, progress)
    case (.rmsprop, .pytorch):
        return runLoop(objective, PyTorchRMSprop(parameterCount: n, settings: settings), plan, progress)
    case (.adam, .keras):
        return runLoop(objective, KerasAdam(parameterCount: n, settings: settings), plan, progress)
    case (.adam, .pytorch):
        return runLoop(objective, PyTorchAdam(parameterCount: n, settings: settings), plan, progress)
    }
}

/// The loop, specialised per objective and optimizer type. Allocates nothing per step
/// (the trace grows only past its reservation): rows go to the trace through a
/// `TraceRecorder`, epochs and batches are counted rather than divided out,
/// and the stop rules build their words only when one fires.
@inlinable
func runLoop<O: Objective, Opt: Optimizer>(
    _ objective: O, _ initial: Opt, _ plan: RunPlan, _ progress: ((RunProgress) -> Void)?
) -> Trace {
    var optimizer = initial
    let n = plan.parameterCount
    let stateNames = optimizer.stateNames
    var recorder = TraceRecorder(Trace(
        parameterNames: plan.parameterNames, stateNames: stateNames,
        reservingRows: plan.reservedRows(stateCount: stateNames.count),
        shuffleSeed: plan.shuffleSeed, metadata: plan.metadata))
    var projector = ConstraintProjector(plan.constraints, start: plan.start)
    var batcher = Batcher(plan: plan)
    var monitor = StopMonitor(rules: plan.stop, names: plan.parameterNames)
    let theta = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    let previous = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    let gradient = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    let update = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    defer {
        theta.deallocate()
        previous.deallocate()
        gradient.deallocate()
        update.deallocate()
        batcher.deallocate()
    }
    _ = theta.initialize(from: plan.start)
    previous.initialize(repeating: 0)
    gradient.initialize(repeating: 0)
    update.initialize(repeating: 0)
    let thetaIn = UnsafeBufferPointer(theta)
    let gradientIn = UnsafeBufferPointer(gradient)
    let updateIn = UnsafeBufferPointer(update)

    let eta = plan.settings.learningRate
    let schedule = plan.schedule
    let total = plan.totalSteps
    let progressEvery = max(1, total / 100)
    var untilProgress = progressEvery

    var loss = objective.lossAndGradient(at: thetaIn, rows: batcher.rows, gradient: gradient)
    optimizer.withState { state in
        recorder.append(
            epoch: 0, batch: 0, learningRate: schedule.learningRate(base: eta, step: 0), loss: loss,
            parameters: thetaIn, gradient: gradientIn, update: updateIn, state: state)
    }
    if let verdict = monitor.check(row: 0, loss: loss, theta: theta, gradient: gradient) {
        return recorder.finish(verdict: verdict)
    }
    var k = 0
    while k < total {
        let rate = schedule.learningRate(base: eta, step: k)
        for i in 0..<n { previous[i] = theta[i] }
        optimizer.update(theta: theta, gradient: gradientIn, learningRate: rate, step: k)
        projector.apply(to: theta)
        k += 1
        for i in 0..<n { update[i] = theta[i] - previous[i] }
        batcher.advance()
        loss = objective.lossAndGradient(at: thetaIn, rows: batcher.rows, gradient: gradient)
        optimizer.withState { state in
            recorder.append(
                epoch: batcher.epoch, batch: batcher.batch, learningRate: rate, loss: loss,
                parameters: thetaIn, gradient: gradientIn, update: updateIn, state: state)
        }
        if let verdict = monitor.check(row: k, loss: loss, theta: theta, gradient: gradient) {
            return recorder.finish(verdict: verdict)
        }
        if let progress {
            untilProgress -= 1
            if untilProgress == 0 {
                untilProgress = progressEvery
                progress(RunProgress(step: k, totalSteps: total, loss: loss))
            }
        }
    }
    return recorder.finish(verdict: .maxSteps)
}
