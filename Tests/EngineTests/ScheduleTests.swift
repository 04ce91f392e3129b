import Engine
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
        #expect(close(exponential.learningRate(base: 0.1, step: 4), 0.05, relative: 1e-15))
        #expect(close(exponential.learningRate(base: 0.1, step: 2), 0.1 * 0.5.squareRoot(), relative: 1e-15))
        let inverse = Schedule.inverseTime(decay: 0.5)
        #expect(inverse.learningRate(base: 0.1, step: 0) == 0.1)
        #expect(close(inverse.learningRate(base: 0.1, step: 2), 0.05, relative: 1e-15))
        #expect(close(inverse.learningRate(base: 0.1, step: 6), 0.025, relative: 1e-15))
    }

    /// Row 0 carries the first update's rate; row k the rate update k used.
    @Test func traceRecordsTheRateEachUpdateUsed() throws {
        let spec = RunSpec(start: [1, 1], optimizer: OptimizerSpec(kind: .sgd, learningRate: 0.1),
                           schedule: .step(every: 2, factor: 0.5), stop: StopRules(maxSteps: 5))
        let trace = try run(TestQuadratic(), spec: spec)
        #expect(trace.learningRates == [0.1, 0.1, 0.1, 0.05, 0.05, 0.025])
        // Update 3 (row 3) used 0.05: x₃ = x₂ − 0.05·x₂.
        #expect(close(trace.parameter(0, at: 3), trace.parameter(0, at: 2) * 0.95, relative: 1e-15))
    }

    @Test func badSchedulesAreRefused() {
        #expect(throws: RunSpecError.self) { try Schedule.step(every: 0, factor: 0.5).validate() }
        #expect(throws: RunSpecError.self) { try Schedule.exponential(rate: -1, steps: 3).validate() }
        #expect(throws: RunSpecError.self) { try Schedule.inverseTime(decay: .nan).validate() }
    }
}
