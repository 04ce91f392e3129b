import Engine
import TestSupport
import Testing

/// A random smooth expression over a, b, c (text), built so that every
/// function stays inside its domain and well away from overflow.
private func smoothExpression(depth: Int, _ random: inout SplitMix) -> String {
    if depth == 0 || Int.random(in: 0..<5, using: &random) == 0 {
        return ["a", "b", "c", "0.5", "2", "1.25"][Int.random(in: 0..<6, using: &random)]
    }
    let t = smoothExpression(depth: depth - 1, &random)
    let u = smoothExpression(depth: depth - 1, &random)
    switch Int.random(in: 0..<14, using: &random) {
    case 0: return "\(t) + \(u)"
    case 1: return "\(t) - (\(u))"
    case 2: return "(\(t))*(\(u))"
    case 3: return "(\(t))/(1 + (\(u))^2)"
    case 4: return "(\(t))^2"
    case 5: return "-(\(t))^3"
    case 6: return "sin(\(t))"
    case 7: return "cos(\(t))"
    case 8: return "tanh(\(t))"
    case 9: return "sigmoid(\(t))"
    case 10: return "softplus(\(t))"
    case 11: return "exp(tanh(\(t)))"
    case 12: return "log(1 + (\(t))^2) + sqrt(2 + sin(\(u)))"
    default: return "(1.5 + tanh(\(t)))^(\(u))"
    }
}

/// A random expression using every construct, kinks included (for printing and parsing).
private func anyExpression(depth: Int, _ random: inout SplitMix) -> String {
    if depth == 0 || Int.random(in: 0..<4, using: &random) == 0 {
        return ["a", "b", "x", "3", "0.25", "1e-3"][Int.random(in: 0..<6, using: &random)]
    }
    let t = anyExpression(depth: depth - 1, &random)
    let u = anyExpression(depth: depth - 1, &random)
    let ops = ["+", "-", "*", "/", "^"]
    switch Int.random(in: 0..<4, using: &random) {
    case 0: return "(\(t)) \(ops.randomElement(using: &random)!) (\(u))"
    case 1: return "-\(t)"
    case 2:
        let f = ExpressionFunction.allCases.filter { $0.arity == 1 }.randomElement(using: &random)!
        return "\(f.rawValue)(\(t))"
    default: return "\(Bool.random(using: &random) ? "min" : "max")(\(t), \(u))"
    }
}

@Suite("Random expressions")
struct ExpressionRandomTests {
    @Test("reverse mode agrees with finite differences on random smooth expressions", arguments: 0..<8)
    func gradients(seed: UInt64) throws {
        var random = SplitMix(state: seed)
        var checked = 0
        for _ in 0..<25 {
            let text = smoothExpression(depth: 4, &random)
            let objective = try ExpressionObjective(expression: text, parameters: ["a", "b", "c"])
            let point = (0..<3).map { _ in Double.random(in: -1.5...1.5, using: &random) }
            let report = GradientCheck.check(objective, at: point, tolerance: 1e-5)
            guard report.loss.isFinite else { continue }
            checked += 1
            #expect(report.passed, "\(text) at \(point): \(report.entries)")
        }
        #expect(checked >= 20)
    }

    @Test("printing and parsing again gives the same tree and the same values", arguments: 0..<8)
    func roundTrip(seed: UInt64) throws {
        var random = SplitMix(state: 100 + seed)
        for _ in 0..<40 {
            let text = anyExpression(depth: 5, &random)
            let parsed = try ParsedExpression(parsing: text, parameters: ["a", "b"], columns: ["x"])
            let again = try ParsedExpression(parsing: parsed.description, parameters: ["a", "b"], columns: ["x"])
            #expect(again.root == parsed.root, "\(text) printed as \(parsed.description)")
            #expect(again.description == parsed.description)
        }
    }

    @Test("random junk never crashes the parser: it parses or gives one line with a column")
    func junk() {
        var random = SplitMix(state: 7)
        let pieces = ["a", "b", "(", ")", "+", "-", "*", "/", "^", ",", "exp", "max", "1", "2.5e", ".", " ", "q", "é", "**", "1e3"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0..<12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            do {
                _ = try ParsedExpression(parsing: text, parameters: ["a", "b"])
            } catch {
                #expect(!error.message.isEmpty && !error.message.contains("\n"), "\(text)")
                if let column = error.column {
                    #expect(column >= 1 && column <= text.unicodeScalars.count + 1, "\(text): \(error.message)")
                }
            }
        }
    }
}
