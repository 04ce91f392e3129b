import Parallelism
import Trace

/// How one cell of a grid ended: what a map shows and its CSV keeps (the trace itself is not kept).
public struct CellOutcome: Sendable, Equatable {
    /// How the run ended.
    public var verdict: Verdict
    /// Steps taken.
    public var steps: Int
    /// The loss over all data on the last row.
    public var finalLoss: Double

    /// A cell's outcome.
    public init(verdict: Verdict, steps: Int, finalLoss: Double) {
        self.verdict = verdict; self.steps = steps; self.finalLoss = finalLoss
    }
}

/// A `TraceSink` that keeps only how many rows came and the last one's loss.
@usableFromInline
struct CellSink: TraceSink {
    @usableFromInline var rows = 0
    @usableFromInline var lastLoss = Double.nan

    @inlinable init() {}

    @inlinable init(layout: TraceLayout) {}

    @inlinable mutating func append(_ row: TraceRow) {
        rows += 1
        lastLoss = row.loss
    }

    @inlinable consuming func finish(verdict: Verdict) -> CellOutcome {
        CellOutcome(verdict: verdict, steps: max(rows - 1, 0), finalLoss: lastLoss)
    }

    /// A cell keeps no state.
    @inlinable static var readsState: Bool { false }
}

extension RunGrid {
    /// Runs every cell on copies of an objective (`make` builds one per worker: objectives own scratch
    /// memory), on every core; the outcomes in cell order. Each cell is `Engine.run` with a sink that keeps
    /// only its end, so it ends exactly as `steptrace trace` with its settings ends. Throws the first
    /// cell's `RunSpecError` or `StartError` (validate the cells first to name the cell).
    public static func run<O: Objective>(_ cells: [RunSpec], make: () throws -> O) throws -> [CellOutcome] {
        try Parallel.chunks(cells.count) { range -> [CellOutcome] in
            let objective = try make()
            return try range.map { try Engine.run(objective, spec: cells[$0], into: CellSink.init(layout:)) }
        }.flatMap { $0 }
    }

    /// `run(_:make:)` for an expression: when it has no data and no arrays, the cells go through a
    /// `LaneTape` in blocks of `laneWidth` (every lane computing what the scalar tape computes, so each
    /// cell still ends bit for bit as `trace` ends); otherwise one cell at a time.
    public static func run(_ cells: [RunSpec], expression: ExpressionObjective) throws -> [CellOutcome] {
        guard expression.laneProgram != nil else { return try run(cells) { expression.copy() } }
        // One job per block's worth of cells, not one per core: cells that diverge end early, so blocks
        // differ in work, and the cores take jobs as they free up and finish together (each job makes
        // its own objective copy and tape, which costs microseconds).
        let jobs = (cells.count + laneWidth - 1) / laneWidth
        return try Parallel.map(jobs) { job -> [CellOutcome] in
            let range = (job * laneWidth)..<min((job + 1) * laneWidth, cells.count)
            let objective = expression.copy()
            let tape = LaneTape(objective.laneProgram!, width: laneWidth)
            var outcomes: [CellOutcome] = []
            outcomes.reserveCapacity(range.count)
            var start = range.lowerBound
            while start < range.upperBound {
                // A block shares one optimizer type: it ends where the optimizer or convention changes.
                let first = cells[start].optimizer
                var end = start + 1
                while end < range.upperBound, end - start < laneWidth,
                      cells[end].optimizer.kind == first.kind, cells[end].optimizer.convention == first.convention { end += 1 }
                outcomes += try runBlock(Array(cells[start..<end]), objective: objective, tape: tape)
                start = end
            }
            return outcomes
        }.flatMap { $0 }
    }

    /// Cells per pass of a lane tape.
    static let laneWidth = 128

    /// One block of cells sharing an optimizer kind and convention, in lockstep through `tape`.
    private static func runBlock(_ cells: [RunSpec], objective: ExpressionObjective, tape: LaneTape) throws -> [CellOutcome] {
        let settings = cells[0].optimizer
        let n = objective.parameterNames.count
        switch (settings.kind, settings.convention) {
        case (.sgd, .keras): return try lanes(cells, objective, tape) { KerasSGD(parameterCount: n, settings: $0) }
        case (.sgd, .pytorch): return try lanes(cells, objective, tape) { PyTorchSGD(parameterCount: n, settings: $0) }
        case (.adagrad, .keras): return try lanes(cells, objective, tape) { KerasAdagrad(parameterCount: n, settings: $0) }
        case (.adagrad, .pytorch): return try lanes(cells, objective, tape) { PyTorchAdagrad(parameterCount: n, settings: $0) }
        case (.rmsprop, .keras): return try lanes(cells, objective, tape) { KerasRMSprop(parameterCount: n, settings: $0) }
        case (.rmsprop, .pytorch): return try lanes(cells, objective, tape) { PyTorchRMSprop(parameterCount: n, settings: $0) }
        case (.adam, .keras): return try lanes(cells, objective, tape) { KerasAdam(parameterCount: n, settings: $0) }
        case (.adam, .pytorch): return try lanes(cells, objective, tape) { PyTorchAdam(parameterCount: n, settings: $0) }
        }
    }

    /// The lane loop: every live cell's θ into the tape, one pass for all of them, then each cell's row
    /// finished by its own `RunCursor` (the same code `runLoop` runs); finished cells leave the block.
    /// Unconstrained cells whose optimizer has a block form (`LaneFormed`) go through `LaneBlock` instead,
    /// where the optimizer and the stop rules run across the block as well.
    private static func lanes<Opt: Optimizer>(
        _ cells: [RunSpec], _ objective: ExpressionObjective, _ tape: LaneTape, _ make: (OptimizerSettings) -> Opt
    ) throws -> [CellOutcome] {
        let plans = try cells.map { try RunPlan(spec: $0, parameterNames: objective.parameterNames, rowCount: 0) }
        var checked: [Double]? = nil
        for plan in plans where plan.start != checked {
            try checkStart(objective, start: plan.start)
            checked = plan.start
        }
        if let formed = Opt.self as? any LaneFormed.Type, LaneBlock.canRun(plans) {
            return formed.runLanes(plans, objective: objective, tape: tape)
        }
        var cursors = plans.map { RunCursor(plan: $0, optimizer: make($0.settings)) }
        defer { for cursor in cursors { cursor.deallocate() } }
        var sinks = [CellSink](repeating: CellSink(), count: cells.count)
        var outcomes = [CellOutcome?](repeating: nil, count: cells.count)
        var live = Array(cells.indices)
        var count = live.count
        let noRows = UnsafeBufferPointer<Int>(start: nil, count: 0)
        // Each live lane's θ and gradient buffers, in lane order, for the tape's transposing loads and stores.
        let thetas = UnsafeMutablePointer<UnsafeMutablePointer<Double>>.allocate(capacity: count)
        let gradients = UnsafeMutablePointer<UnsafeMutablePointer<Double>>.allocate(capacity: count)
        defer { thetas.deallocate(); gradients.deallocate() }
        cursors.withUnsafeMutableBufferPointer { cursors in
            sinks.withUnsafeMutableBufferPointer { sinks in
                for lane in 0..<count {
                    thetas[lane] = cursors[lane].theta.baseAddress!
                    gradients[lane] = cursors[lane].gradient.baseAddress!
                }
                while count > 0 {
                    tape.load(thetas, lanes: count)
                    tape.evaluate(lanes: count)
                    tape.storeGradients(gradients, lanes: count)
                    var kept = 0
                    for lane in 0..<count {
                        let c = live[lane]
                        let loss = tape.loss(lane: lane)
                        if let verdict = cursors[c].advance(loss: loss, exact: true, batchLoss: loss, objective: objective,
                                                            allRows: noRows, sink: &sinks[c]) {
                            outcomes[c] = sinks[c].finish(verdict: verdict)
                        } else {
                            live[kept] = c
                            thetas[kept] = thetas[lane]
                            gradients[kept] = gradients[lane]
                            kept += 1
                        }
                    }
                    count = kept
                }
            }
        }
        return outcomes.map { $0! }
    }
}
