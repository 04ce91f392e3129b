import Foundation
import Testing
@testable import Engine
import Trace

/// A grid's cells end exactly where single runs with the same settings end, whichever way they run
/// (in blocks with the optimizer's block form, in lockstep through a lane tape with a `RunCursor` per
/// cell, or one at a time), and a momentum map on a quadratic follows the
/// closed-form stability limit.
@Suite("Grid runs")
struct GridRunTests {
    /// How a single run ends, as `trace --format summary` sees it.
    static func single(_ objective: ExpressionObjective, _ spec: RunSpec) throws -> CellOutcome {
        let summary = try Engine.run(objective, spec: spec, into: SummarySink.init(layout:))
        return CellOutcome(verdict: summary.verdict, steps: summary.stepCount, finalLoss: summary.finalLoss)
    }

    static func expectSameBits(_ a: [CellOutcome], _ b: [CellOutcome], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.count == b.count, sourceLocation: sourceLocation)
        for (k, (x, y)) in zip(a, b).enumerated() {
            #expect(x.verdict == y.verdict && x.steps == y.steps && x.finalLoss.bitPattern == y.finalLoss.bitPattern,
                    "cell \(k): \(x) vs \(y)", sourceLocation: sourceLocation)
        }
    }

    /// Every opcode the lane tape has a loop for, in one scalar expression of two parameters.
    static let everyOperation = "(1-x)^2 + 100*(y-x^2)^2 + 0.1*exp(-x*x) + log(1 + y^2) + sqrt(1 + x^2) + abs(x - 0.3) "
        + "+ sin(x) * cos(y) + tanh(y) + sigmoid(x - y) + softplus(y) + relu(x) + min(x, y) + max(x, y) "
        + "+ (2 + x^2)^(0.5 + 0.1*y^2) + 1/(2 + x^2) - (x*y - 3) + 0.5^y + 2/(3 + y^2) + (x^2)/4 - y*(x - 1)"

    static let optimizers: [(OptimizerKind, Convention, Double)] = [
        (.sgd, .keras, 1e-3), (.sgd, .pytorch, 1e-3), (.adagrad, .keras, 0.05), (.adagrad, .pytorch, 0.05),
        (.rmsprop, .keras, 1e-3), (.rmsprop, .pytorch, 1e-3), (.adam, .keras, 1e-2), (.adam, .pytorch, 1e-2),
    ]

    @Test(arguments: 0..<optimizers.count)
    func laneCellsEndAsSingleRunsEndBitForBit(_ k: Int) throws {
        let (kind, convention, rate) = Self.optimizers[k]
        let objective = try ExpressionObjective(expression: Self.everyOperation, parameters: ["x", "y"])
        var base = RunSpec(start: [-1.2, 1.5], optimizer: OptimizerSpec(kind: kind, convention: convention, learningRate: rate),
                           stop: StopRules(maxSteps: 300, lossChangeTolerance: 1e-13, divergenceFactor: 100))
        if kind == .sgd { base.optimizer.momentum = 0.5 }
        // Rates from tiny to far too large: some cells converge, some run their budget, some diverge.
        let x = try GridAxis.range(.learningRate, from: rate / 10, to: rate * 2000, count: 23, log: true)
        let y = GridAxis(setting: .schedule, values: [.schedule(.constant), .schedule(.step(every: 40, factor: 0.5))])
        let cells = try RunGrid.cells(base: base, x: x, y: y)
        let lanes = try RunGrid.run(cells, expression: objective)
        let oneByOne = try RunGrid.run(cells) { objective.copy() }
        let singles = try cells.map { try Self.single(objective, $0) }
        Self.expectSameBits(lanes, singles)
        Self.expectSameBits(oneByOne, singles)
        let verdicts = Set(lanes.map { String(describing: $0.verdict).prefix(8) })
        #expect(verdicts.count >= 2, "the grid should end in different ways: \(verdicts)")
    }

    /// The optimizers with a block form (`LaneFormed`): their cells run through `LaneBlock`.
    static let blockOptimizers: [(OptimizerKind, Convention)] = [(.sgd, .keras), (.sgd, .pytorch)]

    /// Runs `cells` through `LaneBlock` directly (failing if the block path would not take them), in
    /// blocks of the lane width, as `RunGrid.run(_:expression:)` does.
    static func block(_ cells: [RunSpec], _ objective: ExpressionObjective) throws -> [CellOutcome] {
        let plans = try cells.map { try RunPlan(spec: $0, parameterNames: objective.parameterNames, rowCount: 0) }
        #expect(LaneBlock.canRun(plans))
        let tape = LaneTape(try #require(objective.laneProgram), width: RunGrid.laneWidth)
        let settings = plans[0].settings
        let formed: any LaneFormed.Type = settings.convention == .keras ? KerasSGD.self : PyTorchSGD.self
        #expect(settings.kind == .sgd)
        return stride(from: 0, to: plans.count, by: RunGrid.laneWidth).flatMap { start in
            formed.runLanes(Array(plans[start..<min(start + RunGrid.laneWidth, plans.count)]), objective: objective, tape: tape)
        }
    }

    /// The block form, against single runs: μ = 0 lanes beside momentum lanes, Nesterov and dampening,
    /// rates from tiny to far too large (cells that run their budget, converge by the loss-change rule,
    /// diverge on a runaway loss or a non-finite value), a step schedule and budgets that differ per cell.
    @Test(arguments: 0..<blockOptimizers.count, [false, true])
    func blockCellsEndAsSingleRunsEndBitForBit(_ k: Int, nesterov: Bool) throws {
        let (kind, convention) = Self.blockOptimizers[k]
        let objective = try ExpressionObjective(expression: "(1-x)^2 + 100*(y-x^2)^2", parameters: ["x", "y"])
        var base = RunSpec(start: [-1.5, 2], optimizer: OptimizerSpec(kind: kind, convention: convention, learningRate: 1e-3),
                           stop: StopRules(maxSteps: 400, lossChangeTolerance: 1e-4))
        base.optimizer.nesterov = nesterov
        if convention == .pytorch && !nesterov { base.optimizer.dampening = 0.25 }
        let x = try GridAxis.range(.learningRate, from: 1e-5, to: 3e-2, count: 41, log: true)
        // Nesterov needs momentum (PyTorch refuses it without); otherwise the first row has μ = 0.
        let y = try GridAxis.range(.momentum, from: nesterov ? 0.05 : 0, to: 0.99, count: 7, log: false)
        let cells = try RunGrid.cells(base: base, x: x, y: y)
        let singles = try cells.map { try Self.single(objective, $0) }
        Self.expectSameBits(try Self.block(cells, objective), singles)
        Self.expectSameBits(try RunGrid.run(cells, expression: objective), singles)
        let verdicts = Set(singles.map { String(describing: $0.verdict).prefix(12) })
        #expect(verdicts.contains("diverged at ") && verdicts.contains("converged (l")
                && (verdicts.contains("max-steps") || verdicts.contains("ran its whol")), "\(verdicts)")

        // A schedule and budgets per cell (the still-falling rule's mark row moves with the budget).
        base.schedule = .step(every: 25, factor: 0.5)
        base.optimizer.momentum = 0.6
        let budgets = GridAxis(setting: .steps, values: [.count(9), .count(10), .count(57), .count(300)])
        let scheduled = try RunGrid.cells(base: base, x: x, y: budgets)
        Self.expectSameBits(try Self.block(scheduled, objective), try scheduled.map { try Self.single(objective, $0) })
    }

    /// The block form's gradient rule, its saddle check and the unbounded-below rule: on x² − y² from
    /// y = 0 the gradient rule fires at the saddle; from y ≠ 0 the loss falls without bound.
    @Test(arguments: 0..<blockOptimizers.count)
    func blockCellsFindSaddlesAndUnboundedLosses(_ k: Int) throws {
        let (kind, convention) = Self.blockOptimizers[k]
        let objective = try ExpressionObjective(expression: "x^2 - y^2", parameters: ["x", "y"])
        let base = RunSpec(start: [1, 0], optimizer: OptimizerSpec(kind: kind, convention: convention, learningRate: 0.1),
                           stop: StopRules(maxSteps: 3000, gradientTolerance: 1e-6))
        let x = try GridAxis.range(.learningRate, from: 0.01, to: 0.3, count: 9, log: true)
        let y = GridAxis(setting: .start, values: [.point([1, 0]), .point([1, 1e-3]), .point([2, 0])])
        let cells = try RunGrid.cells(base: base, x: x, y: y)
        let singles = try cells.map { try Self.single(objective, $0) }
        Self.expectSameBits(try Self.block(cells, objective), singles)
        Self.expectSameBits(try RunGrid.run(cells, expression: objective), singles)
        #expect(singles.contains { if case .saddle = $0.verdict { return true } else { return false } })
        #expect(singles.contains { if case .unboundedBelow = $0.verdict { return true } else { return false } })
    }

    @Test func aGradientRuleAndAGridOverStartsEndAsSingleRuns() throws {
        let objective = try ExpressionObjective(expression: "0.5*(x^2 + 10*y^2)", parameters: ["x", "y"])
        let base = RunSpec(start: [-4, 2], optimizer: OptimizerSpec(kind: .sgd, learningRate: 0.05),
                           stop: StopRules(maxSteps: 2000, gradientTolerance: 1e-8))
        let x = GridAxis(setting: .start, values: [.point([-4, 2]), .point([3, -1]), .point([0.5, 0.5])])
        let y = try GridAxis.range(.momentum, from: 0, to: 0.95, count: 7, log: false)
        let cells = try RunGrid.cells(base: base, x: x, y: y)
        Self.expectSameBits(try RunGrid.run(cells, expression: objective), try cells.map { try Self.single(objective, $0) })
    }

    @Test func expressionsWithDataRunOneCellAtATimeAndStillMatch() throws {
        let data = try DataTable(columns: [(name: "x", values: [0, 1, 1, 2]), (name: "y", values: [0, 1, 2, 1])])
        let objective = try ExpressionObjective(expression: "0.5*(y - (a*x + b))^2", parameters: ["a", "b"], data: data)
        #expect(objective.laneProgram == nil)
        let base = RunSpec(start: [0, 0], optimizer: OptimizerSpec(kind: .sgd, learningRate: 0.1), stop: StopRules(maxSteps: 50),
                           batching: Batching(batchSize: 1, shuffleSeed: 3))
        let x = try GridAxis.range(.learningRate, from: 0.01, to: 0.5, count: 5, log: true)
        let y = GridAxis(setting: .batch, values: [.count(1), .choice("full")])
        let cells = try RunGrid.cells(base: base, x: x, y: y)
        Self.expectSameBits(try RunGrid.run(cells, expression: objective), try cells.map { try Self.single(objective, $0) })
    }

    /// Heavy-ball momentum on f = ½(x² + 10y²) is stable exactly while η < 2(1 + μ)/λmax, λmax = 10.
    @Test func momentumMapFollowsTheClosedFormBoundary() throws {
        let objective = try ExpressionObjective(expression: "0.5*(x^2 + 10*y^2)", parameters: ["x", "y"])
        let base = RunSpec(start: [-4, 2], optimizer: OptimizerSpec(kind: .sgd, learningRate: 0.1), stop: StopRules(maxSteps: 3000))
        let x = try GridAxis.range(.learningRate, from: 0.05, to: 0.5, count: 40, log: false)
        let y = try GridAxis.range(.momentum, from: 0, to: 0.9, count: 19, log: false)
        let outcomes = try RunGrid.run(try RunGrid.cells(base: base, x: x, y: y), expression: objective)
        var checked = 0
        for (k, outcome) in outcomes.enumerated() {
            let eta = x.numbers![k % 40], mu = y.numbers![k / 40]
            let limit = 2 * (1 + mu) / 10
            // Right at the limit the growth is too slow to show within the budget.
            guard abs(eta - limit) > 0.03 * limit else { continue }
            #expect(outcome.verdict.isDivergence == (eta > limit), "η = \(eta), μ = \(mu): \(outcome.verdict)")
            checked += 1
        }
        #expect(checked > 600)
        let curvature = try #require(Hessian.quadraticCurvature(at: [-4, 2]) { theta in
            objective.evaluate(at: theta, rows: objective.allRows).gradient
        })
        #expect(abs(curvature.largest - 10) < 1e-6 && abs(curvature.smallest - 1) < 1e-6)
    }

    @Test func rosenbrockIsNotQuadratic() throws {
        let objective = try ExpressionObjective(expression: "(1-x)^2 + 100*(y-x^2)^2", parameters: ["x", "y"])
        #expect(Hessian.quadraticCurvature(at: [-1.5, 2]) { objective.evaluate(at: $0, rows: objective.allRows).gradient } == nil)
    }
}
