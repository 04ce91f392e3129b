import Engine
import Testing
import Trace

@Suite struct StopRuleTests {
    func spec(lr: Double, stop: StopRules, kind: OptimizerKind = .sgd) -> RunSpec {
        RunSpec(start: [-4, 2], optimizer: OptimizerSpec(kind: kind, learningRate: lr), stop: stop)
    }

    @Test func budgetEndsWithMaxSteps() throws {
        let trace = try run(TestQuadratic(), spec: spec(lr: 0.01, stop: StopRules(maxSteps: 7)))
        #expect(trace.verdict == .maxSteps)
        #expect(trace.count == 8)
    }

    @Test func gradientNormConverges() throws {
        let trace = try run(TestQuadratic(), spec: spec(lr: 0.1, stop: StopRules(maxSteps: 10_000, gradientTolerance: 1e-8)))
        guard case .converged(let rule) = trace.verdict else {
            Issue.record("expected converged, got \(trace.verdict)")
            return
        }
        #expect(rule.hasPrefix("gradient norm "))
        #expect(rule.hasSuffix(" < 1e-08"))
        let last = trace.gradient(row: trace.count - 1)
        #expect((last[0] * last[0] + last[1] * last[1]).squareRoot() < 1e-8)
        let before = trace.gradient(row: trace.count - 2)
        #expect((before[0] * before[0] + before[1] * before[1]).squareRoot() >= 1e-8)
    }

    @Test func lossChangeConverges() throws {
        let trace = try run(TestQuadratic(), spec: spec(lr: 0.1, stop: StopRules(maxSteps: 10_000, lossChangeTolerance: 1e-12)))
        guard case .converged(let rule) = trace.verdict else {
            Issue.record("expected converged, got \(trace.verdict)")
            return
        }
        #expect(rule.hasPrefix("loss change "))
        let n = trace.count
        #expect((trace.losses[n - 1] - trace.losses[n - 2]).magnitude < 1e-12)
    }

    /// λmax = 10, so plain gradient descent is stable only for η < 2/10.
    @Test func divergesAboveTwoOverLambdaMax() throws {
        let stable = try run(TestQuadratic(), spec: spec(lr: 0.19, stop: StopRules(maxSteps: 500)))
        #expect(stable.verdict == .maxSteps)
        let trace = try run(TestQuadratic(), spec: spec(lr: 0.21, stop: StopRules(maxSteps: 5000)))
        guard case .diverged(let step, let reason) = trace.verdict else {
            Issue.record("expected diverged, got \(trace.verdict)")
            return
        }
        #expect(reason.hasPrefix("loss "))
        #expect(trace.count == step + 1, "rows up to and including the diverging one")
        #expect(trace.losses[step] > 1e6 * 28)
        #expect(trace.losses[step - 1] <= 1e6 * 28)
        #expect(trace.verdict.description.hasPrefix("diverged at step \(step) (loss "))
    }

    @Test func nonFiniteValuesDivergeAsData() throws {
        let trace = try run(TestQuadratic(), spec: spec(lr: 1e200, stop: StopRules(maxSteps: 50, divergenceFactor: .infinity)))
        guard case .diverged(let step, let reason) = trace.verdict else {
            Issue.record("expected diverged, got \(trace.verdict)")
            return
        }
        #expect(reason == "loss is inf")
        #expect(trace.count == step + 1)
        #expect(!trace.losses.last!.isFinite)
    }

    @Test func validationNamesTheSetting() {
        func message(_ spec: RunSpec) -> String? {
            do { try spec.validate(parameterCount: 2) } catch let error as RunSpecError { return error.description } catch { return nil }
            return nil
        }
        let base = spec(lr: 0.1, stop: StopRules(maxSteps: 10))
        var s = base
        s.optimizer.momentum = 1.5
        #expect(message(s) == "momentum must be in [0, 1), got 1.5")
        s = base
        s.optimizer.learningRate = -1
        #expect(message(s)?.hasPrefix("learning rate must be") == true)
        s = base
        s.optimizer.learningRate = .nan
        #expect(message(s)?.hasPrefix("learning rate must be") == true)
        s = base
        s.optimizer = OptimizerSpec(kind: .adam, beta2: 1)
        #expect(message(s) == "beta2 must be in [0, 1), got 1.0")
        s = base
        s.optimizer = OptimizerSpec(kind: .sgd, convention: .pytorch, nesterov: true)
        #expect(message(s)?.hasPrefix("nesterov needs momentum > 0") == true)
        s = base
        s.optimizer = OptimizerSpec(kind: .sgd, rho: 0.9)
        #expect(message(s) == "rho does not apply to sgd")
        s = base
        s.stop = StopRules(maxSteps: 0)
        #expect(message(s) == "steps must be at least 1, got 0")
        s = base
        s.stop = StopRules()
        #expect(message(s) != nil)
        s = base
        s.start = [1, 2, 3]
        #expect(message(s) == "start has 3 values but the objective has 2 parameters")
        #expect(message(base) == nil)
    }

    @Test func progressIsReportedRarely() throws {
        var reports: [RunProgress] = []
        _ = try run(TestQuadratic(), spec: spec(lr: 0.01, stop: StopRules(maxSteps: 1000))) { reports.append($0) }
        #expect(reports.count == 100)
        #expect(reports.last == RunProgress(step: 1000, totalSteps: 1000, loss: reports.last!.loss))
    }
}

/// Verdicts that say what happened: a saddle point, a loss without bound below, a budget spent mid-descent.
@Suite struct VerdictWordsTests {
    func saddleRun(start: [Double], lr: Double, steps: Int, gradientTolerance: Double? = nil) throws -> Trace {
        let objective = try ExpressionObjective(expression: "x^2 - y^2", parameters: ["x", "y"])
        return try run(objective, spec: RunSpec(start: start, optimizer: OptimizerSpec(kind: .sgd, learningRate: lr),
                                                stop: StopRules(maxSteps: steps, gradientTolerance: gradientTolerance)))
    }

    @Test func gradientRuleAtASaddleSaysSaddle() throws {
        let trace = try saddleRun(start: [1, 0], lr: 0.1, steps: 1000, gradientTolerance: 1e-6)
        #expect(trace.verdict.description == "stopped at a saddle point: Hessian eigenvalue −2 along y")
        #expect(trace.metadata("verdict") == trace.verdict.description)
        #expect(trace.stepCount == 66)
    }

    @Test func gradientRuleAtAMinimumStaysConverged() throws {
        let trace = try run(TestQuadratic(), spec: RunSpec(start: [-4, 2], optimizer: OptimizerSpec(kind: .sgd, learningRate: 0.1),
                                                            stop: StopRules(maxSteps: 10_000, gradientTolerance: 1e-8)))
        guard case .converged = trace.verdict else {
            Issue.record("expected converged, got \(trace.verdict)")
            return
        }
    }

    @Test func aLossFallingWithoutBoundIsUnboundedBelow() throws {
        let trace = try saddleRun(start: [1, 0.1], lr: 0.1, steps: 1000)
        #expect(trace.verdict == .unboundedBelow(step: 51, loss: trace.finalLoss))
        #expect(trace.verdict.description == "unbounded below (loss −1.19e+06 at step 51)")
        #expect(trace.finalLoss < -1e6)
    }

    @Test func aBudgetSpentMidDescentSaysTheLossWasStillFalling() throws {
        let objective = try ExpressionObjective(expression: "x^2 + y^2", parameters: ["x", "y"])
        let slow = try run(objective, spec: RunSpec(start: [1, 1], optimizer: OptimizerSpec(kind: .sgd, learningRate: 0.001),
                                                    stop: StopRules(maxSteps: 100)))
        #expect(slow.verdict.description
            == "ran its whole budget while the loss was still falling (the last 10% of steps made 8.3% of its decrease)")
        let settled = try run(objective, spec: RunSpec(start: [1, 1], optimizer: OptimizerSpec(kind: .sgd, learningRate: 0.1),
                                                       stop: StopRules(maxSteps: 100)))
        #expect(settled.verdict == .maxSteps)
    }

    @Test func stillFallingRule() {
        #expect(StillFalling.markRow(steps: 100) == 90)
        #expect(StillFalling.verdict(steps: 100, initial: 10, atMark: 5, final: 0) == .stillFalling(share: 0.5))
        #expect(StillFalling.verdict(steps: 100, initial: 10, atMark: 0.05, final: 0) == .maxSteps)
        #expect(StillFalling.verdict(steps: 9, initial: 10, atMark: 5, final: 0) == .maxSteps)
        #expect(StillFalling.verdict(steps: 100, initial: 0, atMark: 5, final: 10) == .maxSteps)
    }
}
