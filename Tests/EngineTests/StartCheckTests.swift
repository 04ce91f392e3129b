import Engine
import Testing
import Trace

/// A loss or gradient that is not finite at the start is a bad input, refused before anything runs.
@Suite struct StartCheckTests {
    @Test(arguments: [
        ("1/x", 0.0, "loss is not finite at the start (x = 0): 1/x divides by zero"),
        ("log(x)", -4.0, "loss is not finite at the start (x = -4): log(x) of a negative number"),
        ("sqrt(x)", 0.0, "gradient of x is not finite at the start (x = 0): sqrt(x) has an infinite slope at 0"),
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

/// The words for an operation that is not finite at a point.
@Suite struct UndefinedOperationTests {
    @Test(arguments: [
        ("1/x", [0.0], "1/x divides by zero"),
        ("x^-2", [0.0], "x^-2 divides by zero"),
        ("log(x - 1)", [1.0], "log(x - 1) of zero"),
        ("2 + log(x)", [-3.0], "log(x) of a negative number"),
        ("sqrt(-x)", [2.0], "sqrt(-x) of a negative number"),
        ("log1p(x)", [-2.0], "log1p(x) of a number at or below -1"),
        ("exp(1000*x)", [1.0], "exp(1000*x) overflows"),
        ("x^0.5", [-1.0], "x^0.5 has a negative base and a fractional exponent"),
        ("sqrt(x)", [0.0], "sqrt(x) has an infinite slope at 0"),
    ])
    func named(expression: String, at theta: [Double], words: String) throws {
        let parsed = try ParsedExpression(parsing: expression, parameters: ["x"], columns: [])
        #expect(parsed.root.undefinedOperation(parameters: theta) == words)
    }

    @Test func finiteEverywhereSaysNothing() throws {
        let parsed = try ParsedExpression(parsing: "x^2 + sqrt(x) + log(x)", parameters: ["x"], columns: [])
        #expect(parsed.root.undefinedOperation(parameters: [2]) == nil)
    }

    @Test func aDataRowIsNamed() throws {
        let data = try DataTable(columnNames: ["x"], rows: [[0], [1], [1]])
        let objective = try ExpressionObjective(expression: "log(a - x)", parameters: ["a"], data: data)
        #expect(objective.explainNonFinite(at: [1]) == "log(a - x) of zero on data row 2")
    }
}
