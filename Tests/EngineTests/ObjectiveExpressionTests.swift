import Engine
import TestSupport
import Testing

/// The seed question's data: (0,0), (1,1), (1,2), (2,1).
private func seedData() throws -> DataTable {
    try DataTable(columnNames: ["x", "y"], rows: [[0, 0], [1, 1], [1, 2], [2, 1]])
}

private let seedLoss = "0.5*(y - (a2*x^2 + a1*x + a0))^2"

@Suite("Expression objective")
struct ObjectiveExpressionTests {
    @Test("one row: the residual's loss and the correct partials (x², x, 1 times −r)")
    func oneRow() throws {
        let objective = try ExpressionObjective(expression: seedLoss, parameters: ["a2", "a1", "a0"], data: try seedData())
        #expect(objective.rowCount == 4)
        #expect(objective.expressionText == seedLoss)
        #expect(objective.description == seedLoss)
        // Row 3 is (2, 1); at θ = (1, 1, 1) the model says 7, so r = 1 − 7 = −6.
        let (loss, gradient) = objective.evaluate(at: [1, 1, 1], rows: [3])
        #expect(loss == 18)
        #expect(gradient == [24, 12, 6])
    }

    @Test("a batch's loss and gradient are the means over its rows", arguments: [[0, 1, 2, 3], [3, 1], [2], [1, 1, 3]])
    func batchMean(rows: [Int]) throws {
        let objective = try ExpressionObjective(expression: seedLoss, parameters: ["a2", "a1", "a0"], data: try seedData())
        let theta = [0.3, -1.2, 2.0]
        let batch = objective.evaluate(at: theta, rows: rows)
        var loss = 0.0
        var gradient = [0.0, 0.0, 0.0]
        for row in rows {
            let single = objective.evaluate(at: theta, rows: [row])
            loss += single.loss
            for i in 0..<3 { gradient[i] += single.gradient[i] }
        }
        let n = Double(rows.count)
        #expect(batch.loss.isApproximatelyEqual(to: loss / n, absoluteTolerance: 1e-15, relativeTolerance: 1e-15))
        for i in 0..<3 { #expect(batch.gradient[i].isApproximatelyEqual(to: gradient[i] / n, absoluteTolerance: 1e-15, relativeTolerance: 1e-15)) }
        #expect(objective.lossValue(at: theta, rows: rows).isApproximatelyEqual(to: batch.loss, absoluteTolerance: 0, relativeTolerance: 0))
    }

    @Test("least squares: zero gradient at (−1, 2.5, 0) with mean loss 0.125")
    func leastSquares() throws {
        let objective = try ExpressionObjective(expression: seedLoss, parameters: ["a2", "a1", "a0"], data: try seedData())
        // The seed's 0.125 is the mean of (y − f)²; our loss carries the ½.
        let (loss, gradient) = objective.evaluate(at: [-1, 2.5, 0], rows: objective.allRows)
        #expect(loss.isApproximatelyEqual(to: 0.0625, absoluteTolerance: 1e-15, relativeTolerance: 1e-15))
        #expect(gradient.allSatisfy { Swift.abs($0) < 1e-15 })
    }

    @Test("per-sample SGD from (1, 1, 1) walks to the least-squares fit")
    func perSampleDescent() throws {
        let objective = try ExpressionObjective(expression: seedLoss, parameters: ["a2", "a1", "a0"], data: try seedData())
        var theta = [1.0, 1.0, 1.0]
        for _ in 0..<20_000 {
            for row in 0..<4 {
                let gradient = objective.evaluate(at: theta, rows: [row]).gradient
                for i in 0..<3 { theta[i] -= 0.01 * gradient[i] }
            }
        }
        #expect(Swift.abs(theta[0] + 1) < 0.05 && Swift.abs(theta[1] - 2.5) < 0.05 && Swift.abs(theta[2]) < 0.05)
    }

    @Test("without data the expression is the loss and rows are ignored")
    func noData() throws {
        let objective = try ExpressionObjective(expression: "0.5*(x^2 + 10*y^2)", parameters: ["x", "y"])
        #expect(objective.rowCount == 0)
        #expect(objective.evaluate(at: [2, -1], rows: [7, 9]) == (7, [2, -10]))
        #expect(objective.evaluate(at: [2, -1]) == (7, [2, -10]))
    }

    @Test("a parameter the expression never uses has a zero partial")
    func unusedParameter() throws {
        let objective = try ExpressionObjective(expression: "a^2", parameters: ["a", "b"])
        #expect(objective.evaluate(at: [3, 4]).gradient == [6, 0])
    }

    @Test("consecutive calls do not leak gradient into each other")
    func noLeak() throws {
        let objective = try ExpressionObjective(expression: seedLoss, parameters: ["a2", "a1", "a0"], data: try seedData())
        let first = objective.evaluate(at: [1, 1, 1], rows: [3])
        _ = objective.evaluate(at: [5, -2, 1], rows: [0, 1, 2])
        _ = objective.lossValue(at: [5, -2, 1], rows: [2])
        #expect(objective.evaluate(at: [1, 1, 1], rows: [3]) == first)
    }

    @Test("an empty batch has no mean")
    func emptyBatch() throws {
        let objective = try ExpressionObjective(expression: seedLoss, parameters: ["a2", "a1", "a0"], data: try seedData())
        let (loss, gradient) = objective.evaluate(at: [1, 1, 1], rows: [])
        #expect(loss.isNaN && gradient.allSatisfy(\.isNaN))
    }

    @Test("copies evaluate independently with the same result")
    func copies() throws {
        let objective = try ExpressionObjective(expression: seedLoss, parameters: ["a2", "a1", "a0"], data: try seedData())
        let copy = objective.copy()
        #expect(copy !== objective)
        #expect(copy.evaluate(at: [1, 2, 3], rows: [0, 2]) == objective.evaluate(at: [1, 2, 3], rows: [0, 2]))
        #expect(copy.description == objective.description)
    }

    @Test("construction errors name the problem")
    func constructionErrors() throws {
        let data = try seedData()
        let error = #expect(throws: ExpressionError.self) {
            try ExpressionObjective(expression: "a*z", parameters: ["a"], data: data)
        }
        #expect(error?.message == "unknown name 'z' at column 3 (parameters: a; data columns: x, y)")
        #expect(error?.column == 3)
    }

    @Test("a data column that only a fused product-sum reads is loaded for every row", arguments: [0, 1, 2])
    func fusedOperandReadsEveryRow(form: Int) throws {
        // Each compiles to a fused multiply form whose third operand is the data column y alone
        // (y − a·x − b: subtractMultiply(a, x, d: y)); y must still change from row to row.
        let text = ["(y - a*x - b)^2", "(a*x + y - b)^2", "(y + a*x*b)^2"][form]
        /// The residual r (f = r²) and ∂r/∂b.
        func residual(_ a: Double, _ b: Double, _ x: Double, _ y: Double) -> (r: Double, slope: Double) {
            switch form {
            case 0: return (y - a * x - b, -1)
            case 1: return (a * x + y - b, -1)
            default: return (y + a * x * b, a * x)
            }
        }
        let data = try DataTable(columnNames: ["x", "y"], rows: [[1, 1], [2, 5], [3, 2]])
        let objective = try ExpressionObjective(expression: text, parameters: ["a", "b"], data: data)
        let (a, b) = (1.0, 0.25)
        let points = [(1.0, 1.0), (2, 5), (3, 2)]
        let terms = points.map { x, y in residual(a, b, x, y) }
        let expected = terms.map { $0.r * $0.r }.reduce(0, +) / 3
        let expectedB = terms.map { 2 * $0.r * $0.slope }.reduce(0, +) / 3
        let (loss, gradient) = objective.evaluate(at: [a, b], rows: objective.allRows)
        #expect(loss.isApproximatelyEqual(to: expected, absoluteTolerance: 1e-12, relativeTolerance: 1e-12), "\(text): \(loss) vs \(expected)")
        #expect(gradient[1].isApproximatelyEqual(to: expectedB, absoluteTolerance: 1e-12, relativeTolerance: 1e-12), "\(text): ∂/∂b \(gradient[1]) vs \(expectedB)")
    }
}
