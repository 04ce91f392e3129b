import Engine
import Testing

private let seedLoss = "0.5*(y - (a2*x^2 + a1*x + a0))^2"

private func seedObjective() throws -> ExpressionObjective {
    let data = try DataTable(columnNames: ["x", "y"], rows: [[0, 0], [1, 1], [1, 2], [2, 1]])
    return try ExpressionObjective(expression: seedLoss, parameters: ["a2", "a1", "a0"], data: data)
}

@Suite("Gradient check")
struct GradientCheckTests {
    @Test("the exact gradient of the quadratic fit passes at several points", arguments: [
        [1.0, 1.0, 1.0], [-1, 2.5, 0], [300, -20, 0.001],
    ])
    func exactPasses(point: [Double]) throws {
        let objective = try seedObjective()
        let report = GradientCheck.check(objective, at: point, rows: objective.allRows)
        #expect(report.passed)
        #expect(report.maxRelativeError < 1e-7)
        #expect(report.entries.map(\.name) == ["a2", "a1", "a0"])
        #expect(report.loss == objective.lossValue(at: point, rows: objective.allRows))
    }

    @Test("the learner's 2x partial for a2 is caught; x² passes")
    func learnersMistake() throws {
        let objective = try seedObjective()
        let correct = try GradientCheck.compare(
            objective: objective,
            claimedGradient: ["-(y - (a2*x^2 + a1*x + a0))*x^2", "-(y - (a2*x^2 + a1*x + a0))*x", "-(y - (a2*x^2 + a1*x + a0))"],
            at: [1, 1, 1], rows: objective.allRows)
        #expect(correct.passed)

        let wrong = try GradientCheck.compare(
            objective: objective,
            claimedGradient: ["-(y - (a2*x^2 + a1*x + a0))*2*x", "-(y - (a2*x^2 + a1*x + a0))*x", "-(y - (a2*x^2 + a1*x + a0))"],
            at: [1, 1, 1], rows: objective.allRows)
        #expect(!wrong.passed)
        #expect(wrong.failures.map(\.name) == ["a2"])
        // Residuals at (1, 1, 1) are −1, −2, −1, −6: the correct mean is (0+2+1+24)/4, the claimed (0+4+2+24)/4.
        let a2 = wrong.entries[0]
        #expect(a2.analytic == 7.5)
        #expect(a2.exact == 6.75)
        #expect(Swift.abs(a2.numeric - 6.75) < 1e-8)
        #expect(Swift.abs(a2.relativeError - 0.1) < 1e-8)
        #expect(Swift.abs(wrong.maxRelativeError - 0.1) < 1e-8)
    }

    @Test("a claimed partial that does not parse names its parameter; the count must match")
    func claimErrors() throws {
        let objective = try seedObjective()
        let parse = #expect(throws: ExpressionError.self) {
            try GradientCheck.compare(objective: objective, claimedGradient: ["x^2", "x*", "1"], at: [1, 1, 1], rows: [0])
        }
        #expect(parse?.message == "partial derivative for 'a1': syntax error at column 3: expected a number, a name, '(' or '[', found end of expression")
        #expect(parse?.column == 3)
        let count = #expect(throws: ExpressionError.self) {
            try GradientCheck.compare(objective: objective, claimedGradient: ["x^2"], at: [1, 1, 1], rows: [0])
        }
        #expect(count?.message == "expected 3 partial derivatives (a2, a1, a0), got 1")
    }

    @Test("claims about a built-in objective, without data")
    func builtinClaim() throws {
        let rosenbrock = try BuiltinObjective(named: "rosenbrock")
        let report = try GradientCheck.compare(
            objective: rosenbrock, claimedGradient: ["-2*(1 - x) - 400*x*(y - x^2)", "200*(y - x^2)"], at: [-1.2, 1])
        #expect(report.passed)
        let sloppy = try GradientCheck.compare(
            objective: rosenbrock, claimedGradient: ["-2*(1 - x) - 200*x*(y - x^2)", "200*(y - x^2)"], at: [-1.2, 1])
        #expect(sloppy.failures.map(\.name) == ["x"])
    }

    @Test("a wrong hand-written gradient is flagged")
    func wrongGradient() {
        let report = GradientCheck.check(HalfGradient(), at: [3])
        #expect(!report.passed)
        #expect(report.entries[0].analytic == 3)
        #expect(Swift.abs(report.entries[0].numeric - 6) < 1e-8)
        #expect(Swift.abs(report.maxRelativeError - 0.5) < 1e-8)
    }

    @Test("relative error: relative for large gradients, absolute below 1, NaN stays NaN")
    func relativeError() {
        #expect(GradientCheck.relativeError(200, 100) == 0.5)
        #expect(GradientCheck.relativeError(1e-9, 0) == 1e-9)
        #expect(GradientCheck.relativeError(.infinity, .infinity) == 0)
        #expect(GradientCheck.relativeError(.nan, 1).isNaN)
    }

    @Test("a non-finite point fails instead of crashing")
    func nonFinite() throws {
        let objective = try seedObjective()
        let report = GradientCheck.check(objective, at: [.nan, 1, 1], rows: [1])
        #expect(!report.passed)
        #expect(report.maxRelativeError.isNaN)
    }
}

/// x², with a gradient that forgot the factor 2.
private struct HalfGradient: Objective {
    var parameterNames: [String] { ["x"] }
    var rowCount: Int { 0 }
    func lossAndGradient(
        at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>, gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        gradient[0] = theta[0]
        return theta[0] * theta[0]
    }
    func loss(at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>) -> Double { theta[0] * theta[0] }
}
