import Trace

/// Where a running run is; handed to the progress callback about every 1% of the budget.
public struct RunProgress: Sendable, Equatable {
    /// Updates made so far.
    public let step: Int
    /// The step budget.
    public let totalSteps: Int
    /// The loss of the row the last step started from (over all data where evaluated, else on its batch).
    public let loss: Double

    /// Creates a progress report.
    public init(step: Int, totalSteps: Int, loss: Double) {
        self.step = step
        self.totalSteps = totalSteps
        self.loss = loss
    }
}

/// Runs `spec` on `objective` and returns the trace in memory: one row per step, row 0 the start.
///
/// The same as `run(_:spec:progress:into:)` with a `TraceRecorder` as the sink.
@inlinable
public func run<O: Objective>(
    _ objective: O, spec: RunSpec, progress: ((RunProgress) -> Void)? = nil
) throws -> Trace {
    try run(objective, spec: spec, progress: progress) { TraceRecorder(Trace(layout: $0)) }
}

/// Runs `spec` on `objective`, handing every row to the sink `makeSink` builds from the run's layout,
/// and returns what the sink makes of it (a `Trace`, a `TraceSummary`, nothing for a stream).
///
/// Validates first (a bad spec throws a `RunSpecError`), then checks the start
/// (a loss or gradient that is not finite there throws a `StartError`);
/// either way nothing runs and no sink is made. Then, with row k as documented on `Trace`:
/// ```
/// for k = 0, 1, …:   g_k = ∇f(θ_k; batch k),  η_k = schedule(η, t: k)
///                    row k: θ_k, f(θ_k) over all data, f(θ_k; batch k), g_k, η_k, state after k steps,
///                           update_k = θ_{k+1} − θ_k   where θ_{k+1} = constrain(optimizer(θ_k, g_k, η_k))
/// ```
/// until a stop rule fires on row k or k reaches the budget; that last row gets
/// update 0 and the rate a next step would use. Divergence is a verdict,
/// never an error: the trace keeps every row up to and including the bad one.
/// The optimizer is chosen once here; the loop itself is generic, so objective,
/// optimizer and sink are specialised into it.
@inlinable
public func run<O: Objective, S: TraceSink & ~Copyable>(
    _ objective: O, spec: RunSpec, progress: ((RunProgress) -> Void)? = nil,
    into makeSink: (TraceLayout) -> S
) throws -> S.Output {
    let plan = try RunPlan(spec: spec, parameterNames: objective.parameterNames, rowCount: objective.rowCount)
    try checkStart(objective, start: plan.start)
    let n = plan.parameterCount
    let settings = plan.settings
    var sink = makeSink(plan.layout(stateNames: settings.stateNames))
    let verdict: Verdict
    switch (settings.kind, settings.convention) {
    case (.sgd, .keras):
        verdict = runLoop(objective, KerasSGD(parameterCount: n, settings: settings), plan, progress, &sink)
    case (.sgd, .pytorch):
        verdict = runLoop(objective, PyTorchSGD(parameterCount: n, settings: settings), plan, progress, &sink)
    case (.adagrad, .keras):
        verdict = runLoop(objective, KerasAdagrad(parameterCount: n, settings: settings), plan, progress, &sink)
    case (.adagrad, .pytorch):
        verdict = runLoop(objective, PyTorchAdagrad(parameterCount: n, settings: settings), plan, progress, &sink)
    case (.rmsprop, .keras):
        verdict = runLoop(objective, KerasRMSprop(parameterCount: n, settings: settings), plan, progress, &sink)
    case (.rmsprop, .pytorch):
        verdict = runLoop(objective, PyTorchRMSprop(parameterCount: n, settings: settings), plan, progress, &sink)
    case (.adam, .keras):
        verdict = runLoop(objective, KerasAdam(parameterCount: n, settings: settings), plan, progress, &sink)
    case (.adam, .pytorch):
        verdict = runLoop(objective, PyTorchAdam(parameterCount: n, settings: settings), plan, progress, &sink)
    }
    return sink.finish(verdict: verdict)
}

/// The loop, specialised per objective, optimizer and sink type. Allocates nothing per step
/// (what the sink keeps aside): epochs and batches are counted rather than divided out, the
/// loss over all data is evaluated every `lossStride` rows, and the stop rules build their
/// words only when one fires. Each row is handed over once its step is known, so row k
/// carries θ_k, the state before the step, and the step's gradient, rate and update
/// (`RunCursor.advance`, which the lane loop of a map shares).
@inlinable
func runLoop<O: Objective, Opt: Optimizer, S: TraceSink & ~Copyable>(
    _ objective: O, _ initial: Opt, _ plan: RunPlan, _ progress: ((RunProgress) -> Void)?, _ sink: inout S
) -> Verdict {
    var cursor = RunCursor(plan: plan, optimizer: initial)
    let full = plan.hasBatchLoss
    let allRows = UnsafeMutableBufferPointer<Int>.allocate(capacity: full ? plan.rowCount : 0)
    defer {
        cursor.deallocate()
        allRows.deallocate()
    }
    for i in 0..<allRows.count { allRows.initializeElement(at: i, to: i) }
    let allRowsIn = UnsafeBufferPointer(allRows)
    let theta = UnsafeBufferPointer(cursor.theta), gradient = cursor.gradient
    let total = plan.totalSteps
    let stride = plan.lossStride
    let progressEvery = max(1, total / 100)
    var untilProgress = progressEvery
    var untilExact = 0
    while true {
        let batchLoss = objective.lossAndGradient(at: theta, rows: cursor.batcher.rows, gradient: gradient)
        var exact = true
        var loss = batchLoss
        if full {
            exact = untilExact == 0 || cursor.isLast
            loss = exact ? objective.loss(at: theta, rows: allRowsIn) : .nan
            untilExact = untilExact == 0 ? stride - 1 : untilExact - 1
        }
        if let verdict = cursor.advance(loss: loss, exact: exact, batchLoss: batchLoss, objective: objective,
                                        allRows: allRowsIn, sink: &sink) {
            return verdict
        }
        if let progress {
            untilProgress -= 1
            if untilProgress == 0 {
                untilProgress = progressEvery
                progress(RunProgress(step: cursor.k, totalSteps: total, loss: exact ? loss : batchLoss))
            }
        }
    }
}
