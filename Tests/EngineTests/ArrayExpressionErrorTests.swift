import Engine
import Testing

private func message(
    _ text: String, _ parameters: [String] = ["a[4]", "b", "C[12,12]", "v[5]", "B[2,3]"],
    constants: [String: ArrayValue] = ["K": ArrayValue(matrix: [[1, 0], [0, 1]]), "y": ArrayValue(vector: [1, 2])],
    columns: [String] = ["x"]
) -> String? {
    do {
        _ = try ParsedExpression(
            parsing: text, parameters: parameters.map { try! ParameterDeclaration(parsing: $0) }, constants: constants,
            columns: columns)
        return nil
    } catch {
        return error.message
    }
}

@Suite("Array expressions: errors")
struct ArrayExpressionErrorTests {
    @Test("shape mistakes name the operator, the shapes and the column", arguments: [
        ("b + sum(C @ v)", "@: shapes [12,12] and [5] don't match at column 11"),
        ("sum(a + B)", "+: shapes [4] and [2,3] don't match at column 7"),
        ("sum(max(a, v))", "max: shapes [4] and [5] don't match at column 5"),
        ("dot(a, v)", "dot: shapes [4] and [5] don't match at column 1"),
        ("a * 2", "the expression is a [4] vector; a loss must be a scalar (use sum(...) or mean(...))"),
        ("C", "the expression is a [12,12] matrix; a loss must be a scalar (use sum(...) or mean(...))"),
        ("sum(softmax(B))", "softmax takes a vector, not a [2,3] matrix at column 5"),
        ("trace(a)", "trace takes a matrix, not a [4] vector at column 1"),
        ("sum(B, 2)", "sum: the axis must be the number 0 or 1 at column 1"),
        ("sum(a, 1)", "sum: axis 1 is out of range for a [4] vector at column 1"),
        ("sum(correlate(K, B))", "correlate: the kernel [2,3] is larger than the image [2,2] at column 5"),
        ("sum([1, [2, 3]])", "elements of [...] must be all numbers or all vectors of one length, not a scalar and a [2] vector at column 5"),
        ("sum(onehot(b, 3))", "onehot: the index must not depend on parameters at column 5"),
    ] as [(String, String)])
    func shapes(text: String, expected: String) {
        #expect(message(text) == expected)
    }

    @Test("indexing mistakes", arguments: [
        ("a[4]", "index 4 at column 3 is out of range 0..<4"),
        ("a[1, 2]", "too many indices for a [4] vector at column 6"),
        ("b[0]", "too many indices for a scalar at column 3"),
        ("sum(a[q])", "index 'q' at column 7 must be a literal whole number or a data column"),
        ("sum(a[3:1])", "empty slice at column 7"),
        ("a[1.5]", "index at column 3 must be a whole number from 0 to 4 (the dimension's length)"),
    ] as [(String, String)])
    func indexing(text: String, expected: String) {
        #expect(message(text) == expected)
    }

    @Test("values too large to hold are refused before anything is allocated", arguments: [
        ("sum(onehot(x, 2000000))", "the value at column 5 is a [2000000] vector of 2000000 elements; the limit is 1000000"),
        ("sum(pad(B, 100000000))", "the value at column 5 is a [200000002,200000003] matrix of 40000001000000006 elements; the limit is 1000000"),
    ] as [(String, String)])
    func tooLarge(text: String, expected: String) {
        #expect(message(text) == expected)
    }

    @Test("unknown names list parameters, constants and data columns")
    func unknownName() {
        #expect(message("sum(a) + q") == "unknown name 'q' at column 10 (parameters: a, b, C, v, B; constants: K, y; data columns: x)")
    }

    @Test("bad declarations give one line", arguments: [
        ("a[0]", "parameter 'a[0]': dimension 0 must be at least 1"),
        ("a[2,3,4]", "parameter 'a[2,3,4]': at most two dimensions (a vector a[n] or a matrix a[m,n])"),
        ("a[x]", "parameter 'a[x]': dimension 'x' is not a whole number"),
        ("a[]", "parameter 'a[]': dimension '' is not a whole number"),
        ("a[3", "parameter 'a[3': expected ']' at the end (write a[4] or C[2,3])"),
        ("3a", "parameter '3a': not a valid name (letters, digits, '_', not starting with a digit)"),
        ("C[5000,5000]", "parameter 'C[5000,5000]': more than 1000000 elements"),
        ("C[9999999999,9999999999]", "parameter 'C[9999999999,9999999999]': more than 1000000 elements"),
    ] as [(String, String)])
    func declarations(text: String, expected: String) {
        #expect(throws: ExpressionError(kind: .invalidDeclaration, message: expected)) { try ParameterDeclaration(parsing: text) }
    }

    @Test("declarations read with their shapes and name their elements for pandas")
    func declarationNames() throws {
        #expect(try ParameterDeclaration(parsing: " C[ 2, 3 ] ") == ParameterDeclaration(name: "C", shape: .matrix(2, 3)))
        #expect(try ParameterDeclaration(parsing: "a[2]").elementNames == ["a[0]", "a[1]"])
        #expect(try ParameterDeclaration(parsing: "C[2,2]").elementNames == ["C[0,0]", "C[0,1]", "C[1,0]", "C[1,1]"])
        #expect(try ParameterDeclaration(parsing: "b").elementNames == ["b"])
        let objective = try ExpressionObjective(
            expression: "b + sum(a)", parameters: [try ParameterDeclaration(parsing: "a[2]"), ParameterDeclaration(name: "b")])
        #expect(objective.parameterNames == ["a[0]", "a[1]", "b"])
    }

    @Test("names shared between parameters, constants and columns are refused")
    func sharedNames() {
        #expect(message("b", ["b"], constants: ["b": ArrayValue(1)], columns: []) == "'b' is both a parameter and a constant")
        #expect(message("b", ["b"], constants: ["x": ArrayValue(1)], columns: ["x"]) == "'x' is both a constant and a data column")
        #expect(message("b", ["b"], constants: ["sum": ArrayValue(1)], columns: []) == "constant 'sum' has the name of a function")
    }

    @Test("array expressions print back and parse to the same tree", arguments: [
        "sum(X @ C - X) + 0.1*sum(norm(C, 0))",
        "sumsq(y - (v @ C + b*(v @ C)^2))",
        "sum(v[1:3]) + B[0,:][1] + sum(B[:,2]) + B[1][0] + v[x]",
        "sum([[1, 2, 3], [b, b, b]]*B)",
    ])
    func printing(text: String) throws {
        let declarations = try ["a[4]", "b", "C[5,5]", "v[5]", "B[2,3]"].map { try ParameterDeclaration(parsing: $0) }
        let constants = ["X": ArrayValue(shape: .matrix(2, 5), elements: Array(repeating: 1, count: 10)), "y": ArrayValue(vector: [1, 2, 3, 4, 5])]
        let parsed = try ParsedExpression(parsing: text, parameters: declarations, constants: constants, columns: ["x"])
        #expect(parsed.description == text)
        let again = try ParsedExpression(parsing: parsed.description, parameters: declarations, constants: constants, columns: ["x"])
        #expect(again.root == parsed.root)
    }
}
