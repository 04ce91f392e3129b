import Engine
import Testing
import Trace

/// A loss or gradient that is not finite at the start is a bad input, refused before anything runs.
@Suite struct StartCheckTests {
    @Test(arguments: [
        ("1/x", 0.0, "loss is not finite at the start (x = 0)"),
        ("log(x)", -4.0, "loss is not finite at the start (x = -4)"),
        ("sqrt(x)", 0.0, "gradient of x is not finite at the start (x = 0)"),
    ])
    func refusedWithItsSentence(expression: String, start: Double, message: String) throws {
        let objective = try ExpressionObjective(expression: expression, parameters: ["x"])
        let spec = RunSpec(start: [start], optimizer: OptimizerSpec(kind: .sgd), stop: StopRules(maxSteps: 3))
        #expect(throws: StartError.self) { try run(objective, spec: spec) }
        do {
            _ = try run(objective, spec: spec)
        } catch let error as StartError {
            #expect(error.description == message)
        }
    }

    @Test func aFiniteStartRuns() throws {
        let objective = try ExpressionObjective(expression: "1/x", parameters: ["x"])
        try checkStart(objective, start: [2])
        let trace = try run(objective, spec: RunSpec(start: [2], optimizer: OptimizerSpec(kind: .sgd), stop: StopRules(maxSteps: 3)))
        #expect(trace.count == 4)
    }
}
