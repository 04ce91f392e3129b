import Trace

/// Steps a block of unconstrained cells in lockstep with every per-step instruction a loop over the
/// cells: the lane tape's loss and gradient, the stop monitor's screen (`LaneStopMonitor`) and the
/// optimizer's update rule (`LaneOptimizer`), all struct of arrays, θ kept in the tape's own rows.
///
/// Only a cell whose row may end its run leaves the lanes: its own `StopMonitor` decides, with the words
/// `trace` would print (and the saddle check after the gradient rule). Every lane computes what
/// `RunCursor.advance` computes for its cell, so each cell ends bit for bit as `steptrace trace` ends.
/// What it does not handle goes elsewhere (see `canRun`): constraints, data and optimizers without a
/// block form run through the lane tape with one `RunCursor` per cell.
enum LaneBlock {
    /// Whether the block path can run these plans: no constraints (projection is per cell).
    /// Objectives with data never reach it (they have no lane tape).
    static func canRun(_ plans: [RunPlan]) -> Bool {
        plans.allSatisfy { $0.constraints == Constraints() }
    }

    /// Runs `plans` (at most `tape.width`, one optimizer kind and convention, `canRun`) on `tape` with the
    /// block form `Lanes`; the outcomes in plan order. `objective` serves the saddle check only.
    static func run<Lanes: LaneOptimizer>(
        _ plans: [RunPlan], objective: ExpressionObjective, tape: LaneTape, optimizer: Lanes.Type
    ) -> [CellOutcome] {
        let width = tape.width, n = objective.parameterNames.count
        var count = plans.count
        let optimizer = Lanes(settings: plans.map(\.settings), parameterCount: n, width: width)
        let monitor = LaneStopMonitor(plans: plans, parameterCount: n, width: width)
        let cell = UnsafeMutablePointer<Int>.allocate(capacity: width)
        let rates = UnsafeMutablePointer<Double>.allocate(capacity: width)
        let flagged = UnsafeMutablePointer<Int>.allocate(capacity: width)
        let theta = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let gradient = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer {
            cell.deallocate(); rates.deallocate(); flagged.deallocate()
            theta.deallocate(); gradient.deallocate()
        }
        let thetaRows = tape.parameterRows, gradientRows = tape.gradientRows, losses = tape.lossRow
        for (l, plan) in plans.enumerated() {
            cell[l] = l
            rates[l] = plan.settings.learningRate
            for i in 0..<n { thetaRows[i &* width &+ l] = plan.start[i] }
        }
        // η · 1 would be η as well; constant rates are set once, as `RunCursor` skips the schedule.
        let constantRates = plans.allSatisfy(\.schedule.isConstant)
        var outcomes = [CellOutcome?](repeating: nil, count: plans.count)
        var k = 0
        while count > 0 {
            tape.evaluate(lanes: count)
            let flags = monitor.screen(row: k, loss: losses, theta: thetaRows, gradient: gradientRows, lanes: count,
                                       flagged: flagged)
            var endedCount = 0
            for j in 0..<flags {
                let l = flagged[j], plan = plans[cell[l]]
                for i in 0..<n {
                    theta[i] = thetaRows[i &* width &+ l]
                    gradient[i] = gradientRows[i &* width &+ l]
                }
                let loss = losses[l]
                var stop = monitor.monitor(lane: l, plan: plan)
                var verdict = stop.check(row: k, loss: loss, exact: true, batchLoss: loss, theta: theta, gradient: gradient)
                if verdict == nil && k == plan.totalSteps { verdict = stop.budgetSpent(steps: k, finalLoss: loss) }
                guard var verdict else {
                    monitor.keep(stop, lane: l)
                    continue
                }
                if stop.stoppedByGradient, let saddle = SaddleCheck.verdict(objective, at: theta) { verdict = saddle }
                outcomes[cell[l]] = CellOutcome(verdict: verdict, steps: k, finalLoss: loss)
                flagged[endedCount] = l
                endedCount += 1
            }
            if !constantRates {
                for l in 0..<count {
                    let plan = plans[cell[l]]
                    rates[l] = plan.schedule.learningRate(base: plan.settings.learningRate, step: k)
                }
            }
            optimizer.update(theta: thetaRows, gradient: gradientRows, rates: rates, step: k, lanes: count)
            // Each ended lane takes the block's last lane (the ended lanes from the highest down, so the last
            // lane is never one that has ended): lane order does not matter, `cell` says whose a lane is.
            for j in stride(from: endedCount - 1, through: 0, by: -1) {
                let l = flagged[j], last = count - 1
                if l != last {
                    cell[l] = cell[last]
                    rates[l] = rates[last]
                    tape.moveParameters(from: last, to: l)
                    optimizer.move(from: last, to: l)
                    monitor.move(from: last, to: l)
                }
                count -= 1
            }
            k += 1
        }
        return outcomes.map { $0! }
    }
}
