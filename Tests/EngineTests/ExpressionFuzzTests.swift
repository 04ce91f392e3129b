import Engine
import Testing

/// 100,000 generated strings through the expression parser and compiler: each either
/// compiles (and then evaluates to a number or NaN without trapping) or is refused
/// with one line. A trap, a hang or a runaway allocation fails the suite.
@Suite("Expression fuzzing")
struct ExpressionFuzzTests {
    static let pieces = [
        "x", "y", "a2", "col", "_", "q", "0", "1", "2.5", "1e-3", "1e309", "-", "+", "*", "/", "^", "(", ")", "((", "))",
        ",", ".", "e", "E", " ", "  ", "\t", "exp(", "log(", "log1p(", "sqrt(", "abs(", "sin(", "cos(", "tanh(",
        "sigmoid(", "softplus(", "relu(", "min(", "max(", "foo(", "θ", "é", "€", "😀", "\u{0}", "\n", "#", "[", "]",
        "1..2", "..", "--", "^-", "**", "//", "9999999999999999999999", "nan", "inf",
    ]

    /// A random well-formed expression, so the compile and evaluate paths are exercised too.
    static func wellFormed(_ random: inout SeededGenerator, depth: Int) -> String {
        let leaves = ["x", "y", "a2", "0.5", "3", "1e-3", "1e300", "0"]
        if depth == 0 || random.below(4) == 0 { return leaves[Int(random.below(UInt64(leaves.count)))] }
        let a = wellFormed(&random, depth: depth - 1), b = wellFormed(&random, depth: depth - 1)
        switch random.below(8) {
        case 0: return "\(a) + \(b)"
        case 1: return "\(a) - \(b)"
        case 2: return "\(a)*\(b)"
        case 3: return "\(a)/(\(b))"
        case 4: return "(\(a))^\(random.below(4))"
        case 5: return "-(\(a))"
        case 6: return "max(\(a), \(b))"
        default:
            let f = ["exp", "log", "log1p", "sqrt", "abs", "sin", "cos", "tanh", "sigmoid", "softplus", "relu"]
            return "\(f[Int(random.below(UInt64(f.count)))])(\(a))"
        }
    }

    static func generate(_ random: inout SeededGenerator) -> String {
        if random.below(3) == 0 {
            // A well-formed expression, sometimes with one character dropped.
            var text = wellFormed(&random, depth: 5)
            if random.below(2) == 0, !text.isEmpty {
                let cut = text.index(text.startIndex, offsetBy: Int(random.below(UInt64(text.count))))
                text.remove(at: cut)
            }
            return text
        }
        var text = ""
        let length = Int(random.below(40))
        for _ in 0..<length {
            text += pieces[Int(random.below(UInt64(pieces.count)))]
        }
        if random.below(50) == 0 {
            // Occasionally very deep or very long input.
            let depth = 50 + Int(random.below(300))
            text = String(repeating: "(", count: depth) + text + String(repeating: ")", count: depth)
        }
        return text
    }

    @Test("100,000 generated strings parse or fail with one line", .timeLimit(.minutes(3)))
    func fuzz() {
        var random = SeededGenerator(seed: 20261124)
        var parsed = 0, refused = 0
        for _ in 0..<100_000 {
            let text = Self.generate(&random)
            do {
                let objective = try ExpressionObjective(expression: text, parameters: ["x", "y", "a2"])
                let value = objective.evaluate(at: [0.5, -1.5, 2]).loss
                #expect(value.isFinite || value.isNaN || value.isInfinite)
                parsed += 1
            } catch {
                #expect(!error.message.isEmpty && !error.message.contains("\n"), "\(text.debugDescription): \(error.message)")
                refused += 1
            }
        }
        #expect(parsed + refused == 100_000)
        // The generator must exercise both paths, or the test proves little.
        #expect(parsed > 1_000 && refused > 10_000)
    }
}
