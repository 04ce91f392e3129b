import Engine
@testable import Lessons
import Testing
import Trace
@testable import Reports

/// The results box says what happened in the same words as `trace --format summary` (max-steps in words).
@Suite struct ResultsSummaryTests {
    func result(_ expression: String, start: [Double], lr: Double, steps: Int, gradientTolerance: Double? = nil) throws -> RunResult {
        let objective = try ExpressionObjective(expression: expression, parameters: ["x", "y"])
        let spec = RunSpec(start: start, optimizer: OptimizerSpec(kind: .sgd, learningRate: lr),
                           stop: StopRules(maxSteps: steps, gradientTolerance: gradientTolerance))
        let run = LessonRun(id: "a", label: "a", problemID: "main", spec: spec, sweep: nil)
        return RunResult(run: run, trace: try Engine.run(objective, spec: spec))
    }

    @Test(arguments: [
        ("x^2 - y^2", [1.0, 0.0], 0.1, 1e-6, "<b>stopped at a saddle point: Hessian eigenvalue −2 along y</b> after 66 steps; "),
        ("x^2 - y^2", [1.0, 0.1], 0.1, nil, "<b>unbounded below (loss −1.19e+06 at step 51)</b> after 51 steps; "),
        ("x^2 + y^2", [1.0, 1.0], 0.001, nil,
         "<b>ran its whole budget while the loss was still falling (the last 10% of steps made 8.3% of its decrease)</b> after 100 steps; "),
        // max-steps is told apart from "still falling" in words.
        ("x^2 + y^2", [1.0, 1.0], 0.2, nil, "<b>ran its whole budget</b> of 100 steps with the loss settled; "),
    ] as [(String, [Double], Double, Double?, String)])
    func verdictLeadsTheLine(expression: String, start: [Double], lr: Double, tolerance: Double?, prefix: String) throws {
        let r = try result(expression, start: start, lr: lr, steps: expression.contains("-") ? 1000 : 100, gradientTolerance: tolerance)
        let line = ResultsSummary.describe(r, expected: nil)
        #expect(line.hasPrefix(prefix), "got \(line)")
        #expect(r.trace.metadata("verdict") == r.trace.verdict.description)
    }

    @Test func aLongVectorIsItsCountAndRangeAShortOneEveryValue() {
        #expect(ResultsSummary.vectorText([1, -0.5, 2]) == "(1, −0.5, 2)")
        let long = (0..<192).map { 0.15 + Double($0 % 16) / 20 }
        #expect(ResultsSummary.vectorText(long) == "192 values from 0.15 to 0.9")
        #expect(ResultsSummary.vectorText(Array(long.prefix(ResultsSummary.longestVector))).hasPrefix("(0.15, 0.2, "))
    }
}
