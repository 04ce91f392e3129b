import Engine
import TestSupport
import Testing

@Suite struct ScheduleTests {
    @Test func values() {
        #expect(Schedule.constant.learningRate(base: 0.1, step: 1000) == 0.1)
        let step = Schedule.step(every: 10, factor: 0.5)
        #expect(step.learningRate(base: 0.1, step: 0) == 0.1)
        #expect(step.learningRate(base: 0.1, step: 9) == 0.1)
        #expect(step.learningRate(base: 0.1, step: 10) == 0.05)
        #expect(step.learningRate(base: 0.1, step: 25) == 0.025)
        let exponential = Schedule.exponential(rate: 0.5, steps: 4)
        #expect(exponential.learningRate(base: 0.1, step: 0) == 0.1)
        #expect(exponential.learningRate(base: 0.1, step: 4).isApproximatelyEqual(to: 0.05, relativeTolerance: 1e-15))
        #expect(exponential.learningRate(base: 0.1, step: 2).isApproximatelyEqual(to: 0.1 * 0.5.squareRoot(), relativeTolerance: 1e-15))
        let inverse = Schedule.inverseTime(decay: 0.5)
        #expect(inverse.learningRate(base: 0.1, step: 0) == 0.1)
        #expect(inverse.learningRate(base: 0.1, step: 2).isApproximatelyEqual(to: 0.05, relativeTolerance: 1e-15))
        #expect(inverse.learningRate(base: 0.1, step: 6).isApproximatelyEqual(to: 0.025, relativeTolerance: 1e-15))
    }

    /// Row k carries η_k, the rate of the step from θ_k; the last row the rate a next step would use.
    @Test func traceRecordsTheRateEachStepApplies() throws {
        let spec = RunSpec(start: [1, 1], optimizer: OptimizerSpec(kind: .sgd, learningRate: 0.1),
                           schedule: .step(every: 2, factor: 0.5), stop: StopRules(maxSteps: 5))
        let trace = try run(TestQuadratic(), spec: spec)
        #expect(trace.learningRates == [0.1, 0.1, 0.05, 0.05, 0.025, 0.025])
        // One row explains the next: θ_{k+1} = θ_k − η_k·g_k = θ_k + update_k, exactly.
        for k in 0..<5 {
            for i in 0..<2 {
                let step = -trace.learningRate(at: k) * trace.gradient(i, at: k)
                #expect(trace.update(i, at: k) == trace.parameter(i, at: k + 1) - trace.parameter(i, at: k))
                #expect(trace.parameter(i, at: k + 1) == trace.parameter(i, at: k) + step)
            }
        }
        #expect(trace.update(row: 5) == [0, 0])
    }

    @Test func badSchedulesAreRefused() {
        #expect(throws: RunSpecError.self) { try Schedule.step(every: 0, factor: 0.5).validate() }
        #expect(throws: RunSpecError.self) { try Schedule.exponential(rate: -1, steps: 3).validate() }
        #expect(throws: RunSpecError.self) { try Schedule.inverseTime(decay: .nan).validate() }
    }
}
