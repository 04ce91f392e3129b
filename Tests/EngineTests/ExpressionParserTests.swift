import Engine
import Testing

/// Parses over parameters a, b, c and data columns x, y.
private func parse(_ text: String) throws -> ParsedExpression {
    try ParsedExpression(parsing: text, parameters: ["a", "b", "c"], columns: ["x", "y"])
}

/// The error thrown for `text`, or nil if it parses.
private func parseError(_ text: String, parameters: [String] = ["a2", "a1", "a0"], columns: [String] = ["x", "y"]) -> ExpressionError? {
    do {
        _ = try ParsedExpression(parsing: text, parameters: parameters, columns: columns)
        return nil
    } catch {
        return error
    }
}

/// Evaluates `text` at a = 2, b = 3, c = 5 (no data) through the compiled tape.
private func value(_ text: String) throws -> Double {
    try ExpressionObjective(expression: text, parameters: ["a", "b", "c"]).lossValue(at: [2, 3, 5])
}

@Suite("Expression parser")
struct ExpressionParserTests {
    @Test("precedence and associativity", arguments: [
        ("a + b * c", "a + b*c", 17.0),
        ("(a + b) * c", "(a + b)*c", 25),
        ("a - b - c", "a - b - c", -6),
        ("a - (b - c)", "a - (b - c)", 4),
        ("c / a / b", "c/a/b", 5.0 / 2 / 3),
        ("c / (a / b)", "c/(a/b)", 7.5),
        ("a ^ b ^ a", "a^b^a", 512),
        ("(a ^ b) ^ a", "(a^b)^a", 64),
        ("-a ^ 2", "-a^2", -4),
        ("(-a) ^ 2", "(-a)^2", 4),
        ("-2^2", "-2^2", -4),
        ("a ^ -1", "a^-1", 0.5),
        ("2 * -a", "2*-a", -4),
        ("+a - -b", "a - -b", 5),
        ("--a", "-(-a)", 2),
        ("a * b ^ 2", "a*b^2", 18),
        ("a ^ b * c", "a^b*c", 40),
        ("max(a, b) - min(a, b)", "max(a, b) - min(a, b)", 1),
        ("1e-3 * 2.5E+4 + .5 + 0.5", "0.001*25000 + 0.5 + 0.5", 26),
    ] as [(String, String, Double)])
    func precedence(text: String, printed: String, expected: Double) throws {
        let parsed = try parse(text)
        #expect(parsed.description == printed)
        #expect(Swift.abs(try value(text) - expected) <= 1e-12 * Swift.max(1, Swift.abs(expected)))
        // What is printed parses back to the same tree.
        #expect(try parse(printed).root == parsed.root)
    }

    @Test("names resolve to parameters first, then columns")
    func resolution() throws {
        let parsed = try parse("a * x + y")
        #expect(parsed.root == .binary(
            .add,
            .binary(.multiply, .parameter(index: 0, name: "a"), .column(index: 0, name: "x")),
            .column(index: 1, name: "y")))
    }

    @Test("the quadratic-fit loss prints back for handouts")
    func handoutPrinting() throws {
        let parsed = try ParsedExpression(
            parsing: "0.5 * ( y-(a2*x^2+a1*x+a0) ) ^ 2", parameters: ["a2", "a1", "a0"], columns: ["x", "y"])
        #expect(parsed.description == "0.5*(y - (a2*x^2 + a1*x + a0))^2")
        #expect(parsed.text == "0.5 * ( y-(a2*x^2+a1*x+a0) ) ^ 2")
    }

    @Test("error messages carry the column", arguments: [
        ("a2 * x + a1 + q", ExpressionError.Kind.unknownName,
         "unknown name 'q' at column 15 (parameters: a2, a1, a0; data columns: x, y)", 15 as Int?),
        ("(a2 + x", .syntax, "syntax error at column 8: expected ')'", 8),
        ("", .emptyExpression, "empty expression", nil),
        ("   ", .emptyExpression, "empty expression", nil),
        ("foo(x)", .unknownFunction,
         "unknown function 'foo' at column 1 (functions: exp, log, log1p, sqrt, abs, sin, cos, tanh, sigmoid, softplus, relu, min, max, transpose, sum, mean, dot, norm, sumsq, diag, trace, softmax, logsumexp, onehot, correlate, pad)", 1),
        ("max(x)", .argumentCount, "'max' takes 2 arguments, got 1 at column 1", 1),
        ("x + exp(a2, a1)", .argumentCount, "'exp' takes 1 argument, got 2 at column 5", 5),
        ("sin()", .argumentCount, "'sin' takes 1 argument, got 0 at column 1", 1),
        ("a2 +", .syntax, "syntax error at column 5: expected a number, a name, '(' or '[', found end of expression", 5),
        ("a2 a1", .syntax, "syntax error at column 4: expected an operator, found name 'a1'", 4),
        ("a2)", .syntax, "syntax error at column 3: unmatched ')'", 3),
        ("2x", .syntax, "syntax error at column 2: missing operator between '2' and 'x' (write '2*x')", 2),
        ("x ** 2", .invalidCharacter, "syntax error at column 3: '**' is not an operator; write powers with '^'", 3),
        ("x $ 2", .invalidCharacter, "unexpected character '$' at column 3", 3),
        ("1.2.3", .malformedNumber, "malformed number '1.2.3' at column 1", 1),
        ("a2 * 1e", .malformedNumber, "malformed number '1e' at column 6", 6),
        ("exp + 1", .syntax, "syntax error at column 5: expected '(' after function 'exp'", 5),
        ("max(a2 a1)", .syntax, "syntax error at column 8: expected ',' or ')', found name 'a1'", 8),
    ] as [(String, ExpressionError.Kind, String, Int?)])
    func errors(text: String, kind: ExpressionError.Kind, message: String, column: Int?) {
        let error = parseError(text)
        #expect(error?.kind == kind)
        #expect(error?.message == message)
        #expect(error?.column == column)
    }

    @Test("an unknown name without data lists only the parameters")
    func unknownNameWithoutData() {
        #expect(parseError("x", parameters: ["a", "b"], columns: [])?.message
            == "unknown name 'x' at column 1 (parameters: a, b)")
    }

    @Test("unusable name lists are refused", arguments: [
        (["a", "a"], ["x"], "parameter 'a' is listed twice"),
        (["a", "x"], ["x"], "'x' is both a parameter and a data column"),
        (["2a"], [], "parameter name '2a' is not a valid name (letters, digits, '_', not starting with a digit)"),
        (["exp"], [], "parameter 'exp' has the name of a function"),
    ] as [([String], [String], String)])
    func badNames(parameters: [String], columns: [String], message: String) {
        let error = parseError("1", parameters: parameters, columns: columns)
        #expect(error?.kind == .invalidNames)
        #expect(error?.message == message)
    }

    @Test("names may contain digits and underscores")
    func nameCharacters() throws {
        let parsed = try ParsedExpression(parsing: "_w1 * x_2", parameters: ["_w1"], columns: ["x_2"])
        #expect(parsed.description == "_w1*x_2")
    }

    @Test("deep nesting is an error, not a stack overflow", arguments: [
        String(repeating: "(", count: 200) + "a" + String(repeating: ")", count: 200),
        String(repeating: "-", count: 5_000) + "a",
        String(repeating: "exp(", count: 200) + "a" + String(repeating: ")", count: 200),
        "a" + String(repeating: "^a", count: 300),
        "a" + String(repeating: " + a", count: 300),
    ])
    func tooDeep(text: String) {
        let error = parseError(text, parameters: ["a"], columns: [])
        #expect(error?.kind == .tooDeep)
        #expect(error?.message.hasPrefix("expression nests more than 100 levels deep at column ") == true)
    }

    @Test("nesting up to the limit is fine")
    func deepButAllowed() throws {
        let text = String(repeating: "(", count: 90) + "a + 1" + String(repeating: ")", count: 90)
        #expect(try value(text) == 3)
    }

    @Test("very long input is refused up front")
    func tooLong() {
        let text = Array(repeating: "a", count: 6_000).joined(separator: "+")
        let error = parseError(text, parameters: ["a"], columns: [])
        #expect(error?.kind == .tooLong)
        #expect(error?.message == "expression is too long (11999 characters; the limit is 10000)")
    }

    @Test("columns count characters, not bytes")
    func unicodeColumns() {
        let error = parseError("é + q", parameters: ["a"], columns: [])
        #expect(error?.message == "unexpected character 'é' at column 1")
        #expect(parseError("a  +\tq", parameters: ["a"], columns: [])?.column == 6)
    }
}
