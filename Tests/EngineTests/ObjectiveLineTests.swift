@testable import Engine
import Testing

/// A random smooth vector-valued expression (3 elements) over the vector a[3], the scalars b and c,
/// the constants M (3×3) and v[3], and, when `data` is set, the data column x.
private func vectorExpression(depth: Int, data: Bool, _ random: inout SeededGenerator) -> String {
    let leaves = ["a", "v", "b*v", "a*b", "(a @ M)", "c*a", "(b - a)"] + (data ? ["x*a", "(v - x)"] : [])
    if depth == 0 || Int.random(in: 0..<4, using: &random) == 0 {
        return leaves[Int.random(in: 0..<leaves.count, using: &random)]
    }
    let t = vectorExpression(depth: depth - 1, data: data, &random)
    let u = vectorExpression(depth: depth - 1, data: data, &random)
    switch Int.random(in: 0..<9, using: &random) {
    case 0: return "\(t) + \(u)"
    case 1: return "\(t) - (\(u))"
    case 2: return "(\(t))*(\(u))"
    case 3: return "tanh(\(t))"
    case 4: return "(\(t))^2"
    case 5: return "(\(t)) @ M"
    case 6: return "b*(\(t))"
    case 7: return "sin(\(t))"
    default: return "exp(tanh(\(t)))"
    }
}

/// A random smooth scalar expression (the scalar tape) over a, b, c and, with data, x.
private func scalarExpression(depth: Int, data: Bool, _ random: inout SeededGenerator) -> String {
    let leaves = ["a", "b", "c", "0.5", "b*c", "a*b"] + (data ? ["x", "x*b"] : [])
    if depth == 0 || Int.random(in: 0..<4, using: &random) == 0 {
        return leaves[Int.random(in: 0..<leaves.count, using: &random)]
    }
    let t = scalarExpression(depth: depth - 1, data: data, &random)
    let u = scalarExpression(depth: depth - 1, data: data, &random)
    switch Int.random(in: 0..<8, using: &random) {
    case 0: return "\(t) + \(u)"
    case 1: return "\(t) - (\(u))"
    case 2: return "(\(t))*(\(u))"
    case 3: return "(\(t))*(\(u)) + \(t)"
    case 4: return "(\(t))^2"
    case 5: return "tanh(\(t))"
    case 6: return "sin(\(t))"
    default: return "exp(tanh(\(t)))"
    }
}

/// Five data rows of the column x.
private let rows = try! DataTable(columnNames: ["x"], rows: [[0.5], [-1.25], [2], [0.125], [-0.75]])

private let constants: [String: ArrayValue] = [
    "M": ArrayValue(matrix: [[0.5, -0.25, 0.75], [0.125, 1, -0.5], [-0.625, 0.25, 0.375]]),
    "v": ArrayValue(vector: [0.3, -1.1, 0.7]),
]

/// An objective with b (θ's entry `solved`) in several places: three terms that read it, around random parts.
private func randomObjective(arrays: Bool, data: Bool, _ random: inout SeededGenerator) throws -> (ExpressionObjective, solved: Int) {
    if arrays {
        let (p, q, r) = (vectorExpression(depth: 3, data: data, &random), vectorExpression(depth: 3, data: data, &random),
                         vectorExpression(depth: 2, data: data, &random))
        let text = "sumsq(\(p)) + b*sum(\(q)) + tanh(b*dot(\(r), v))"
        let objective = try ExpressionObjective(
            expression: text, parameters: ["a[3]", "b", "c"].map { try ParameterDeclaration(parsing: $0) },
            constants: constants, data: data ? rows : nil)
        return (objective, 3)
    }
    let (p, q) = (scalarExpression(depth: 4, data: data, &random), scalarExpression(depth: 3, data: data, &random))
    let objective = try ExpressionObjective(expression: "(\(p))^2 + b*(\(q)) + tanh(b*c)", parameters: ["a", "b", "c"],
                                            data: data ? rows : nil)
    return (objective, 1)
}

@Suite("Lines: the loss along one parameter")
struct ObjectiveLineTests {
    @Test("a line gives the full evaluation bit for bit, for random expressions with the solved parameter in several places",
          arguments: [(true, false), (true, true), (false, false), (false, true)] as [(Bool, Bool)])
    func cachedEqualsFull(arrays: Bool, data: Bool) throws {
        var random = SeededGenerator(seed: arrays ? (data ? 11 : 12) : (data ? 13 : 14))
        for _ in 0..<30 {
            let (objective, solved) = try randomObjective(arrays: arrays, data: data, &random)
            let n = objective.parameterNames.count
            let everyRow = objective.allRows
            let someRows = data ? [3, 0, 3] : []
            let line = objective.line(along: solved, rows: everyRow)
            let partial = objective.line(along: solved, rows: someRows)
            for _ in 0..<4 {
                var theta = (0..<n).map { _ in Double.random(in: -1.5...1.5, using: &random) }
                theta.withUnsafeBufferPointer { line.hold($0) }
                theta.withUnsafeBufferPointer { partial.hold($0) }
                // Several probes per held point, as a line search makes them, in no particular order.
                for _ in 0..<5 {
                    let x = Double.random(in: -3...3, using: &random)
                    theta[solved] = x
                    let full = objective.lossValue(at: theta, rows: everyRow)
                    let cached = line.loss(at: x)
                    #expect(cached.bitPattern == full.bitPattern, "\(objective.expressionText) at \(theta): \(cached) vs \(full)")
                    let fullSome = objective.lossValue(at: theta, rows: someRows)
                    #expect(partial.loss(at: x).bitPattern == fullSome.bitPattern, "rows \(someRows)")
                }
            }
        }
    }

    @Test("along every parameter, on a lesson's expression, a line matches full evaluation; the default line too")
    func everyParameter() throws {
        let fit = try ArrayLessonExpressions.objective(
            ArrayLessonExpressions.constrainedFit, ArrayLessonExpressions.constrainedFitParameters,
            ArrayLessonExpressions.constrainedFitConstants)
        let quadratic = TestQuadratic(curvatures: [1, 10, 3, 0.5, 2], names: ["p", "q", "r", "s", "t"])
        var random = SeededGenerator(seed: 7)
        for index in 0..<5 {
            let line = fit.line(along: index, rows: [])
            var plain = quadratic.line(along: index, rows: [])
            for _ in 0..<10 {
                var theta = (0..<5).map { _ in Double.random(in: 0...1, using: &random) }
                theta.withUnsafeBufferPointer { line.hold($0); plain.hold($0) }
                theta[index] = Double.random(in: -100...100, using: &random)
                #expect(line.loss(at: theta[index]).bitPattern == fit.lossValue(at: theta).bitPattern)
                #expect(plain.loss(at: theta[index]).bitPattern == quadratic.lossValue(at: theta).bitPattern)
            }
        }
    }

    @Test("the grid search on every core finds what one walk finds, bit for bit, ties going to the first point")
    func parallelGridSearch() throws {
        let fit = try ArrayLessonExpressions.objective(
            ArrayLessonExpressions.constrainedFit, ArrayLessonExpressions.constrainedFitParameters,
            ArrayLessonExpressions.constrainedFitConstants)
        let base = [0.25, 0.25, 0.25, 0.25, 0]
        for resolution in [1, 2, 7, 60] {
            let search = GridSearch(domain: .simplex([0, 1, 2, 3]), resolution: resolution, solved: (4, -100...100))
            let one = search.run(fit, base: base)
            let spread = search.run(base: base) { fit.copy() }
            #expect(spread == one && spread.loss.bitPattern == one.loss.bitPattern)
            #expect(spread.points == search.pointCount)
        }
        // Every x ties at y = 0: the first x of the grid (−1) must win, as in one walk.
        let flat = try ExpressionObjective(expression: "0*x + (y - 0.5)^2 + (z - 0.25)^2", parameters: ["x", "y", "z"])
        let boxes = GridSearch(domain: .boxes([(0, -1...1), (1, -1...1)]), resolution: 8, solved: (2, 0...1))
        let one = boxes.run(flat, base: [0, 0, 0])
        #expect(boxes.run(base: [0, 0, 0]) { flat.copy() } == one)
        #expect(one.parameters == [-1, 0.5, 0.25] && one.points == 81)
        let bowl = TestQuadratic(curvatures: [1, 10, 3], names: ["x", "y", "z"])
        let plain = GridSearch(domain: .boxes([(1, -1...1), (0, -2...2)]), resolution: 9)
        #expect(plain.run(base: [0.3, 0.3, 0.3]) { bowl } == plain.run(bowl, base: [0.3, 0.3, 0.3]))
    }

    @Test("constrained-fit's tape along b holds a @ C and its square and moves the rest; along a[k] everything moves")
    func lessonSplit() throws {
        let parsed = try ParsedExpression(
            parsing: ArrayLessonExpressions.constrainedFit,
            parameters: ArrayLessonExpressions.constrainedFitParameters.map { try ParameterDeclaration(parsing: $0) },
            constants: ArrayLessonExpressions.constrainedFitConstants)
        let tape = ArrayTape(ArrayProgram(compiling: parsed))
        func kinds(_ nodes: [ArrayNode]) -> [String] {
            nodes.map { node in
                switch node.operation {
                case .product: return "product"
                case .map(let op, _): return "map \(op)"
                case .zip(let op, _): return "zip \(op)"
                case .sumOfSquares: return "sumsq"
                default: return "other"
                }
            }
        }
        let alongB = tape.split(along: 4)
        #expect(kinds(alongB.held) == ["product", "map square"])
        #expect(kinds(alongB.moving) == ["zip multiply", "zip add", "zip subtract", "sumsq"])
        // What a line over data rows would save per row: the two held values the moving nodes read.
        #expect(Set(alongB.frontier.map(\.offset)) == Set(alongB.held.map(\.value)) && alongB.frontier.allSatisfy { $0.count == 5 })
        for k in 0..<4 {
            let alongA = tape.split(along: k)
            #expect(alongA.held.isEmpty && alongA.moving.count == 6)
        }
    }

    @Test("held operations keep their values when the solved parameter changes; moving ones read it, and change",
          arguments: [false, true])
    func classification(data: Bool) throws {
        var random = SeededGenerator(seed: data ? 21 : 22)
        var heldSeen = 0, movingSeen = 0, movingChanged = 0
        for _ in 0..<30 {
            let (p, q) = (vectorExpression(depth: 3, data: data, &random), vectorExpression(depth: 3, data: data, &random))
            let parsed = try ParsedExpression(
                parsing: "sumsq(\(p)) + b*sum(\(q))", parameters: ["a[3]", "b", "c"].map { try ParameterDeclaration(parsing: $0) },
                constants: constants, columns: data ? ["x"] : [])
            let tape = ArrayTape(ArrayProgram(compiling: parsed), data: data ? rows.values : [], dataColumnCount: data ? 1 : 0)
            let split = tape.split(along: 3)
            #expect(split.held.count + split.moving.count == tape.forwardCount)
            let theta = (0..<5).map { _ in Double.random(in: -1.5...1.5, using: &random) }
            /// Every forward node's elements after a full forward pass with b = x (on data row 2).
            func snapshot(_ x: Double) -> [[UInt64]] {
                var point = theta
                point[3] = x
                point.withUnsafeBufferPointer { tape.load(parameters: $0) }
                if data { tape.load(row: 2) }
                tape.forward()
                return (0..<tape.forwardCount).map { i in
                    let node = tape.forwardNodes[i]
                    return (0..<node.count).map { tape.values[node.value + $0].bitPattern }
                }
            }
            let probes = [-2.0, -0.5, 0.25, 1.75].map(snapshot)
            // b's value offset is 3 (a[3] first); a node moves when it reads b or a moving node.
            var reached: Set<Int> = [3]
            for i in 0..<tape.forwardCount {
                let node = tape.forwardNodes[i]
                let moves = split.moving.contains { $0.value == node.value }
                #expect(moves != split.held.contains { $0.value == node.value }, "each node is held or moving, once")
                let readsB = [node.aValue, node.bValue].contains { reached.contains($0) }
                #expect(moves == readsB, "\(parsed.text): node \(i) reads b (or what b reaches): \(readsB), moving: \(moves)")
                let changes = probes.contains { $0[i] != probes[0][i] }
                if moves {
                    reached.insert(node.value)
                    movingSeen += 1
                    if changes { movingChanged += 1 }
                } else {
                    heldSeen += 1
                    #expect(!changes, "\(parsed.text): node \(i) is held but changes with b")
                }
            }
        }
        #expect(heldSeen > 50 && movingSeen > 50, "both kinds were tried: \(heldSeen) held, \(movingSeen) moving")
        // A moving node may be constant by accident (t - t, shared by the compiler, is 0 for every b); most change.
        #expect(Double(movingChanged) >= 0.9 * Double(movingSeen), "\(movingChanged) of \(movingSeen) moving nodes changed with b")
    }

    @Test("the scalar tape's split: what b reaches moves, the rest is held and never changes with b")
    func scalarClassification() throws {
        let parsed = try ParsedExpression(parsing: "(a*c + x)^2 + b*sin(a) + tanh(b*c) + c*x",
                                          parameters: ["a", "b", "c"], columns: ["x"])
        let tape = Tape(TapeProgram(compiling: parsed.root, parameterCount: 3), data: rows.values, dataColumnCount: 1)
        let split = tape.split(along: 1)
        #expect(split.held.count + split.moving.count == tape.forwardCount)
        // Every moving instruction reads b or a moving result; held ones read neither.
        var reached: Set<Int32> = [1]
        for instruction in split.moving {
            #expect([instruction.a, instruction.b, instruction.d].contains { reached.contains($0) })
            reached.insert(instruction.out)
        }
        for instruction in split.held {
            #expect(![instruction.a, instruction.b, instruction.d].contains { reached.contains($0) })
        }
        #expect(!split.held.isEmpty && !split.moving.isEmpty)
    }
}
