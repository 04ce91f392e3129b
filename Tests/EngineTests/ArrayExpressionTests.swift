import Foundation
import Engine
import ReferenceObjectives
import Testing

@Suite("Array-valued expressions")
struct ArrayExpressionTests {
    static let target = CustomLoss.target(height: 12, width: 16)
    static let constants: [String: ArrayValue] = [
        "T": ArrayValue(shape: .matrix(12, 16), elements: target),
        "Px": ArrayValue(matrix: [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]]),
        "Py": ArrayValue(matrix: [[-1, -1, -1], [0, 0, 0], [1, 1, 1]]),
    ]

    static func expression(_ text: String) throws -> ArrayExpression {
        try ArrayExpression(expression: text, parameters: [ParameterDeclaration(parsing: "Y[12,16]")], constants: constants)
    }

    @Test("the residual T − Y is the target minus θ, element for element, with its shape")
    func residual() throws {
        let residual = try Self.expression("T - Y")
        #expect(residual.shape == .matrix(12, 16))
        var generator = SeededGenerator(seed: 3)
        let theta = (0..<192).map { _ in generator.unit() }
        let value = residual.value(at: theta)
        #expect(value.shape == .matrix(12, 16))
        #expect(value.elements == zip(Self.target, theta).map { $0 - $1 })
        // A second evaluation at another θ overwrites the first (no stale values).
        #expect(residual.value(at: Array(repeating: 0, count: 192)).elements == Self.target)
    }

    @Test("correlate(pad(y, 1), P) equals the hand-written Prewitt responses with the border replicated")
    func prewitt() throws {
        var generator = SeededGenerator(seed: 9)
        let theta = (0..<192).map { _ in generator.unit() - 0.5 }
        let x = try Self.expression("correlate(pad(T - Y, 1), Px)").value(at: theta)
        let y = try Self.expression("correlate(pad(T - Y, 1), Py)").copy().value(at: theta)
        let reference = CustomLoss().residualPrewittResponses(at: theta)
        #expect(x.shape == .matrix(12, 16) && y.shape == .matrix(12, 16))
        for k in 0..<192 {
            #expect(abs(x.elements[k] - reference.x[k]) <= 1e-12, "x at \(k)")
            #expect(abs(y.elements[k] - reference.y[k]) <= 1e-12, "y at \(k)")
        }
        // A ramp T = α·column has Pₓ response 6α inside, 3α in the first and last columns, and no Pᵧ response.
        let ramp = ArrayValue(shape: .matrix(3, 4), elements: (0..<12).map { Double($0 % 4) * 0.5 })
        let onRamp = try ArrayExpression(expression: "correlate(pad(R, 1), Px)", parameters: [ParameterDeclaration(parsing: "b")],
                                         constants: ["R": ramp, "Px": Self.constants["Px"]!])
        #expect(onRamp.value(at: [0]).elements == [1.5, 3, 3, 1.5, 1.5, 3, 3, 1.5, 1.5, 3, 3, 1.5])
    }

    @Test("a model's class probabilities are a vector that sums to 1, per data row")
    func softmaxPerRow() throws {
        let data = try DataTable(columnNames: ["x1", "x2"], rows: [[1, 0], [0, 2]])
        let probabilities = try ArrayExpression(
            expression: "softmax(W @ [x1, x2] + c)", parameters: [ParameterDeclaration(parsing: "W[3,2]"), ParameterDeclaration(parsing: "c[3]")],
            data: data)
        #expect(probabilities.shape == .vector(3))
        let theta: [Double] = [1, 0, 0, 1, -1, -1, 0, 0, 0]
        for (row, logits) in [(0, [1.0, 0, -1]), (1, [0.0, 2, -2])] {
            let p = probabilities.value(at: theta, row: row).elements
            let e = logits.map { exp($0) }, total = e.reduce(0, +)
            for k in 0..<3 { #expect(abs(p[k] - e[k] / total) <= 1e-15) }
        }
    }

    @Test("errors are one line: a scalar is fine, a bad name or shape names its column")
    func errors() throws {
        #expect(try Self.expression("sum(T - Y)").shape == .scalar)
        #expect(throws: ExpressionError.self) { try Self.expression("T - Q") }
        do {
            _ = try Self.expression("T @ Y")
            Issue.record("T @ Y should not compile")
        } catch let error as ExpressionError {
            #expect(error.message.contains("@: shapes [12,16] and [12,16] don't match"))
        }
    }
}
