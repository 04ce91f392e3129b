import Engine
import Foundation
import TestSupport
import Testing

/// One array expression to differentiate: its parameters, constants and (optionally) data.
struct ArrayCase: CustomTestStringConvertible, Sendable {
    let expression: String
    let parameters: [String]
    var constants: [String: ArrayValue] = [:]
    var data: DataTable? = nil

    var testDescription: String { expression }

    func objective() throws -> ExpressionObjective {
        try ExpressionObjective(
            expression: expression, parameters: parameters.map { try ParameterDeclaration(parsing: $0) },
            constants: constants, data: data)
    }
}

private let constants: [String: ArrayValue] = [
    "T": ArrayValue(matrix: [[0.5, -1], [2, 0.25], [1, 1.5]]),
    "w": ArrayValue(vector: [0.3, -0.7, 1.1]),
]

private let classes = try! DataTable(columnNames: ["x1", "x2", "k"], rows: [[0.5, -1, 0], [1.5, 0.2, 2], [-0.3, 0.8, 1], [2, 2, 1]])

@Suite("Array expressions: gradients")
struct ArrayExpressionGradientTests {
    static let cases: [ArrayCase] = [
        ArrayCase(expression: "sum(v + A)", parameters: ["v[3]", "A[2,3]"]),
        ArrayCase(expression: "sum((c - A)^2)", parameters: ["c[2,1]", "A[2,3]"]),
        ArrayCase(expression: "sum(r * c / (2 + A^2))", parameters: ["r[1,3]", "c[2,1]", "A[2,3]"]),
        ArrayCase(expression: "sum(exp(v) ^ A) + sum(2 ^ v) + sum(v ^ 3) - sum(1 / exp(v)) + sum(3 - v)", parameters: ["v[3]", "A[2,3]"]),
        ArrayCase(expression: "sum(A @ B)", parameters: ["A[2,3]", "B[3,4]"]),
        ArrayCase(expression: "dot(u, A @ v) + sum(u @ A) + v @ v", parameters: ["u[2]", "A[2,3]", "v[3]"]),
        ArrayCase(expression: "sum(transpose(A) * T) + sum(transpose(v) * w)", parameters: ["A[2,3]", "v[3]"], constants: constants),
        ArrayCase(expression: "dot(mean(A, 0), w) + sum(sum(A, 1) * [4, 5]) + mean(A) * sum(v, 0) + mean(v, 0)", parameters: ["A[2,3]", "v[3]"], constants: constants),
        ArrayCase(expression: "norm(A) + sum(norm(A, 0)) + sum(norm(A, 1)) + norm(v) + norm(v, 0)", parameters: ["A[2,3]", "v[3]"]),
        ArrayCase(expression: "sumsq(A) + dot(v, v) + sumsq(v - w)", parameters: ["A[2,3]", "v[3]"], constants: constants),
        ArrayCase(expression: "sum(diag(S)) + trace(S)^2 + sum(diag(A) * [1, 2])", parameters: ["S[3,3]", "A[2,3]"]),
        ArrayCase(expression: "sum(exp(v) + log1p(exp(v)) + sqrt(exp(v)) + sin(v) + cos(v) + tanh(v) + sigmoid(v) + softplus(v) + relu(v) + abs(v) + log(exp(v)) - -v)", parameters: ["v[3]"]),
        ArrayCase(expression: "sum(max(v, A) + min(A, 0.3) + max(0.1, A))", parameters: ["v[3]", "A[2,3]"]),
        ArrayCase(expression: "dot(softmax(v), [1, 2, 3]) + logsumexp(2*v) + sum(softmax(A[1]) * w)", parameters: ["v[3]", "A[2,3]"], constants: constants),
        ArrayCase(expression: "A[1,2] * v[0] + sum(v[1:3]) + sum(A[:,1]) * sum(A[0,:]) + sum(A[1]) + sumsq(A[0:1, 1:]) + sum(A[:1, :2])", parameters: ["A[2,3]", "v[3]"]),
        ArrayCase(expression: "sumsq([v[0], b, v[1]*b] - [1, 2, 3]) + sum([[b, 1], [v[2], b]] @ [1, 2])", parameters: ["v[3]", "b"]),
        ArrayCase(expression: "sum(correlate(P, K)^2)", parameters: ["P[4,5]", "K[2,3]"]),
        ArrayCase(expression: "sumsq(correlate(pad(P, 1), [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]])) + sum(pad(P, 2) * 0.5)", parameters: ["P[4,5]"]),
        ArrayCase(expression: "sum(b * v + b) + mean(A^2) * b", parameters: ["b", "v[3]", "A[2,3]"]),
        ArrayCase(expression: "logsumexp(W @ [x1, x2] + c) - (W @ [x1, x2] + c)[k]", parameters: ["W[3,2]", "c[3]"], data: classes),
        ArrayCase(expression: "-dot(onehot(k, 3), log(softmax(W @ [x1, x2] + c))) + sumsq(W[k, :]) * x1", parameters: ["W[3,2]", "c[3]"], data: classes),
    ]

    @Test("every operation's gradient matches central differences", arguments: cases)
    func finiteDifferences(_ item: ArrayCase) throws {
        let objective = try item.objective()
        var generator = SeededGenerator(seed: UInt64(item.expression.count))
        for _ in 0..<3 {
            let point = objective.parameterNames.map { _ in generator.unit() * 1.6 - 0.8 }
            let report = GradientCheck.check(objective, at: point, rows: objective.allRows)
            #expect(report.passed, "max relative error \(report.maxRelativeError)")
        }
    }

    @Test("softmax cross-entropy: the gradient is p − y")
    func softmaxCrossEntropy() throws {
        let y = [0.0, 1, 0, 0]
        for text in ["-dot(y, log(softmax(z)))", "logsumexp(z) - dot(y, z)"] {
            let objective = try ExpressionObjective(
                expression: text, parameters: [ParameterDeclaration(name: "z", shape: .vector(4))],
                constants: ["y": ArrayValue(vector: y)])
            let z = [0.3, -1.2, 2.0, 0.7]
            let m = z.max()!
            let e = z.map { exp($0 - m) }
            let p = e.map { $0 / e.reduce(0, +) }
            let gradient = objective.evaluate(at: z).gradient
            for i in 0..<4 { #expect(gradient[i].isApproximatelyEqual(to: p[i] - y[i], absoluteTolerance: 1e-30, relativeTolerance: 1e-14), "\(text): \(i)") }
        }
    }

    @Test("least squares: ∇ sumsq(A x − b) = 2 Aᵀ (A x − b)")
    func leastSquares() throws {
        let a: [[Double]] = [[1, 2, 0.5], [-1, 0.3, 2], [0.7, 0.1, -0.4], [2, -1, 1]]
        let b = [1.0, -2, 0.5, 3]
        let objective = try ExpressionObjective(
            expression: "sumsq(A @ x - b)", parameters: [try ParameterDeclaration(parsing: "x[3]")],
            constants: ["A": ArrayValue(matrix: a), "b": ArrayValue(vector: b)])
        let x = [0.4, -0.2, 1.3]
        let r = (0..<4).map { i in (0..<3).reduce(0.0) { $0 + a[i][$1] * x[$1] } - b[i] }
        let expected = (0..<3).map { j in 2 * (0..<4).reduce(0.0) { $0 + a[$1][j] * r[$1] } }
        let (loss, gradient) = objective.evaluate(at: x)
        #expect(loss.isApproximatelyEqual(to: r.reduce(0) { $0 + $1 * $1 }, relativeTolerance: 1e-14))
        for j in 0..<3 { #expect(gradient[j].isApproximatelyEqual(to: expected[j], relativeTolerance: 1e-13), "∂/∂x[\(j)]") }
    }

    @Test("norm's subgradient at zero is 0, in the whole norm and per column")
    func normAtZero() throws {
        let objective = try ExpressionObjective(
            expression: "norm(v) + sum(norm(A, 0))",
            parameters: [try ParameterDeclaration(parsing: "v[2]"), try ParameterDeclaration(parsing: "A[2,2]")])
        let (loss, gradient) = objective.evaluate(at: [0, 0, 0, 3, 0, 4])
        #expect(loss == 5)
        for (i, expected) in [0, 0, 0, 0.6, 0, 0.8].enumerated() { #expect(gradient[i].isApproximatelyEqual(to: expected, relativeTolerance: 1e-15), "\(i)") }
    }

    @Test("a data-column index out of range, or not whole, gives NaN for that row")
    func indexOutOfRange() throws {
        let data = try DataTable(columnNames: ["k"], rows: [[1], [3], [0.5]])
        let objective = try ExpressionObjective(
            expression: "v[k] + sum(onehot(k, 3))", parameters: [try ParameterDeclaration(parsing: "v[3]")], data: data)
        #expect(objective.lossValue(at: [1, 2, 3], rows: [0]) == 3)
        #expect(objective.lossValue(at: [1, 2, 3], rows: [1]).isNaN)
        #expect(objective.lossValue(at: [1, 2, 3], rows: [2]).isNaN)
        #expect(objective.evaluate(at: [1, 2, 3], rows: [0]).gradient == [0, 1, 0])
    }

    @Test("scalar expressions over declared parameters evaluate as with plain names")
    func scalarPath() throws {
        let declared = try ExpressionObjective(
            expression: "(a - 1)^2 + 10*(b - a^2)^2", parameters: [ParameterDeclaration(name: "a"), ParameterDeclaration(name: "b")])
        let plain = try ExpressionObjective(expression: "(a - 1)^2 + 10*(b - a^2)^2", parameters: ["a", "b"])
        #expect(declared.tapeLength == plain.tapeLength)
        #expect(declared.evaluate(at: [0.3, -0.2]) == plain.evaluate(at: [0.3, -0.2]))
        // Named scalar constants fold like numbers.
        let named = try ExpressionObjective(
            expression: "(a - one)^2", parameters: [ParameterDeclaration(name: "a")], constants: ["one": ArrayValue(1)])
        #expect(named.evaluate(at: [3]) == (4, [4]))
    }

    @Test("copies evaluate independently and alike")
    func copies() throws {
        let objective = try ArrayExpressionGradientTests.cases[4].objective()
        let point = (0..<18).map { Double($0) / 10 }
        #expect(objective.copy().evaluate(at: point) == objective.evaluate(at: point))
    }
}
