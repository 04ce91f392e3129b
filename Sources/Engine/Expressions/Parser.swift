/// Recursive-descent parser for the grammar in `ParsedExpression`.
///
/// Recursion is bounded: every descent into a parenthesis, a call, a sign or
/// an exponent counts one level, and every node's height is checked, so deep
/// input ends in an `ExpressionError` (`.tooDeep`), never a stack overflow.
struct Parser {
    private let tokens: [Token]
    private var position = 0
    private var depth = 0
    private let parameters: [ParameterDeclaration]
    private let constants: [String: ArrayValue]
    private let columns: [String]

    /// A node, the height of the tree under it and the shape of its value.
    private struct Parsed {
        var node: ExpressionNode
        var height: Int
        var shape: ArrayShape
    }

    init(text: String, parameters: [ParameterDeclaration], constants: [String: ArrayValue], columns: [String]) throws(ExpressionError) {
        let length = text.unicodeScalars.count
        guard length <= ParsedExpression.maximumLength else {
            throw ExpressionError(
                kind: .tooLong,
                message: "expression is too long (\(length) characters; the limit is \(ParsedExpression.maximumLength))")
        }
        var lexer = Lexer(text)
        tokens = try lexer.tokenize()
        self.parameters = parameters
        self.constants = constants
        self.columns = columns
    }

    /// The tree and the shape of its value.
    mutating func parse() throws(ExpressionError) -> (node: ExpressionNode, shape: ArrayShape) {
        if current.kind == .end {
            throw ExpressionError(kind: .emptyExpression, message: "empty expression")
        }
        let result = try sum()
        if current.kind != .end {
            let unexpected = current
            if unexpected.kind == .rightParenthesis {
                throw syntax(at: unexpected, "unmatched ')'")
            }
            throw syntax(at: unexpected, "expected an operator, found \(unexpected.quoted)")
        }
        return (result.node, result.shape)
    }

    // MARK: - Grammar

    private mutating func sum() throws(ExpressionError) -> Parsed {
        var left = try product()
        while current.kind == .plus || current.kind == .minus {
            let token = advance()
            let right = try product()
            left = try combine(token.kind == .plus ? .add : .subtract, left, right, at: token)
        }
        return left
    }

    private mutating func product() throws(ExpressionError) -> Parsed {
        var left = try unary()
        while current.kind == .star || current.kind == .slash || current.kind == .at {
            let token = advance()
            let right = try unary()
            let op: BinaryOperator = token.kind == .star ? .multiply : (token.kind == .slash ? .divide : .matrixProduct)
            left = try combine(op, left, right, at: token)
        }
        return left
    }

    private mutating func unary() throws(ExpressionError) -> Parsed {
        guard current.kind == .minus || current.kind == .plus else { return try power() }
        let token = advance()
        try descend(at: token)
        defer { depth -= 1 }
        let operand = try unary()
        if token.kind == .plus { return operand }
        return try node(.negate(operand.node), height: operand.height + 1, shape: operand.shape, at: token)
    }

    private mutating func power() throws(ExpressionError) -> Parsed {
        let base = try postfix()
        guard current.kind == .caret else { return base }
        let token = advance()
        try descend(at: token)
        defer { depth -= 1 }
        let exponent = try unary()
        return try combine(.power, base, exponent, at: token)
    }

    private mutating func primary() throws(ExpressionError) -> Parsed {
        let token = current
        switch token.kind {
        case .number(let value):
            position += 1
            return Parsed(node: .number(value), height: 1, shape: .scalar)
        case .name(let name):
            position += 1
            if current.kind == .leftParenthesis { return try call(name, at: token) }
            let (node, shape) = try resolve(name, at: token)
            return Parsed(node: node, height: 1, shape: shape)
        case .leftBracket:
            return try arrayLiteral()
        case .leftParenthesis:
            position += 1
            try descend(at: token)
            defer { depth -= 1 }
            let inner = try sum()
            try expect(.rightParenthesis, "')'")
            return inner
        case .end:
            throw syntax(at: token, "expected a number, a name, '(' or '[', found end of expression")
        default:
            throw syntax(at: token, "expected a number, a name, '(' or '[', found \(token.quoted)")
        }
    }

    private mutating func call(_ name: String, at token: Token) throws(ExpressionError) -> Parsed {
        let function = ExpressionFunction(rawValue: name)
        let arrayFunction = ArrayFunction(rawValue: name)
        guard function != nil || arrayFunction != nil else {
            let known = (ExpressionFunction.allCases.map(\.rawValue) + ArrayFunction.allCases.map(\.rawValue)).joined(separator: ", ")
            throw ExpressionError(
                kind: .unknownFunction,
                message: "unknown function '\(name)' at column \(token.column) (functions: \(known))",
                column: token.column)
        }
        position += 1  // '('
        try descend(at: token)
        defer { depth -= 1 }
        var arguments: [Parsed] = []
        if current.kind != .rightParenthesis {
            while true {
                arguments.append(try sum())
                guard current.kind == .comma else { break }
                position += 1
            }
        }
        try expect(.rightParenthesis, arguments.isEmpty ? "an argument" : "',' or ')'")
        let counts = function.map { $0.arity...$0.arity } ?? arrayFunction!.argumentCounts
        guard counts.contains(arguments.count) else {
            let expected = counts.count == 1 ? "\(counts.lowerBound)" : "\(counts.lowerBound) or \(counts.upperBound)"
            let noun = counts == 1...1 ? "argument" : "arguments"
            throw ExpressionError(
                kind: .argumentCount,
                message: "'\(name)' takes \(expected) \(noun), got \(arguments.count) at column \(token.column)",
                column: token.column)
        }
        let height = arguments.map(\.height).max()! + 1
        let nodes = arguments.map(\.node)
        if let function {
            var shape = arguments[0].shape
            if arguments.count == 2 {
                shape = try shaped(at: token) { () throws(ShapeProblem) in
                    try ArrayShape.broadcast(arguments[0].shape, arguments[1].shape, operator: name)
                }
            }
            return try node(.call(function, nodes), height: height, shape: shape, at: token)
        }
        let shape = try arrayCallShape(arrayFunction!, arguments, at: token)
        return try node(.arrayCall(arrayFunction!, nodes), height: height, shape: shape, at: token)
    }

    /// The shape of an array function's value, checking its literal arguments.
    private func arrayCallShape(_ function: ArrayFunction, _ arguments: [Parsed], at token: Token) throws(ExpressionError) -> ArrayShape {
        let first = arguments[0].shape
        let name = function.rawValue
        return try shaped(at: token) { () throws(ShapeProblem) -> ArrayShape in
            switch function {
            case .transpose:
                return ArrayShape(first.dimensions.reversed())
            case .sum, .mean, .norm:
                guard arguments.count == 2 else { return .scalar }
                guard let axis = Parser.literalInteger(arguments[1].node), axis <= 1 else {
                    throw ShapeProblem(message: "\(name): the axis must be the number 0 or 1")
                }
                return try first.reduced(along: axis, by: function)
            case .dot:
                guard first == arguments[1].shape else {
                    throw ShapeProblem(message: "dot: shapes \(first) and \(arguments[1].shape) don't match")
                }
                return .scalar
            case .sumsq, .logsumexp, .trace:
                if function == .logsumexp { try first.requireVector(for: function) }
                if function == .trace { try first.requireMatrix(for: function) }
                return .scalar
            case .diag:
                try first.requireMatrix(for: function)
                return .vector(Swift.min(first.rows, first.columns))
            case .softmax:
                try first.requireVector(for: function)
                return first
            case .onehot:
                guard first.isScalar else { throw ShapeProblem(message: "onehot: the index must be a scalar, not \(first.noun)") }
                guard !Parser.dependsOnParameters(arguments[0].node) else {
                    throw ShapeProblem(message: "onehot: the index must not depend on parameters")
                }
                guard let n = Parser.literalInteger(arguments[1].node), n >= 1 else {
                    throw ShapeProblem(message: "onehot: the length must be a whole number ≥ 1")
                }
                return .vector(n)
            case .correlate:
                let kernel = arguments[1].shape
                try first.requireMatrix(for: function)
                guard kernel.rank == 2 else { throw ShapeProblem(message: "correlate: the kernel must be a matrix, not \(kernel.noun)") }
                guard kernel.rows <= first.rows, kernel.columns <= first.columns else {
                    throw ShapeProblem(message: "correlate: the kernel \(kernel) is larger than the image \(first)")
                }
                return .matrix(first.rows - kernel.rows + 1, first.columns - kernel.columns + 1)
            case .pad:
                try first.requireMatrix(for: function)
                guard let k = Parser.literalInteger(arguments[1].node) else {
                    throw ShapeProblem(message: "pad: the width must be a whole number ≥ 0")
                }
                return .matrix(first.rows + 2 * k, first.columns + 2 * k)
            }
        }
    }

    /// `postfix := primary ('[' subscript (',' subscript)? ']')*`
    private mutating func postfix() throws(ExpressionError) -> Parsed {
        var base = try primary()
        while current.kind == .leftBracket {
            let token = advance()
            var subscripts: [ExpressionSubscript] = []
            var kept: [Int] = []
            while true {
                let dimension = subscripts.count
                guard dimension < base.shape.rank else {
                    throw ExpressionError(
                        kind: .shapeMismatch,
                        message: "too many indices for \(base.shape.noun) at column \(current.column)",
                        column: current.column)
                }
                let (item, length) = try subscriptItem(size: base.shape.dimensions[dimension])
                subscripts.append(item)
                if let length { kept.append(length) }
                guard current.kind == .comma else { break }
                position += 1
            }
            try expect(.rightBracket, "',' or ']'")
            // A matrix with one subscript keeps its columns: A[i] is row i.
            kept += base.shape.dimensions.dropFirst(subscripts.count)
            base = try node(.index(base.node, subscripts), height: base.height + 1, shape: ArrayShape(kept), at: token)
        }
        return base
    }

    /// `subscript := integer | data column | [integer] ':' [integer]`, and the
    /// length it keeps (nil when it drops its dimension).
    private mutating func subscriptItem(size: Int) throws(ExpressionError) -> (ExpressionSubscript, Int?) {
        let start = current
        func bound(_ token: Token) throws(ExpressionError) -> Int {
            guard case .number(let value) = token.kind, value == value.rounded(), value >= 0, value <= Double(size) else {
                throw ExpressionError(
                    kind: .invalidArgument,
                    message: "index at column \(token.column) must be a whole number from 0 to \(size) (the dimension's length)",
                    column: token.column)
            }
            return Int(value)
        }
        if case .name(let name) = start.kind {
            position += 1
            guard let index = columns.firstIndex(of: name) else {
                throw ExpressionError(
                    kind: .invalidArgument,
                    message: "index '\(name)' at column \(start.column) must be a literal whole number or a data column",
                    column: start.column)
            }
            return (.column(index: index, name: name), nil)
        }
        var lower: Int?
        if case .number = start.kind {
            lower = try bound(start)
            position += 1
            guard current.kind == .colon else {
                guard lower! < size else { throw outOfRange(lower!, size: size, at: start) }
                return (.position(lower!), nil)
            }
        }
        guard current.kind == .colon else {
            throw syntax(at: current, "expected an index, a data column or ':', found \(current.quoted)")
        }
        position += 1
        var upper: Int?
        if case .number = current.kind {
            upper = try bound(current)
            position += 1
        }
        let length = (upper ?? size) - (lower ?? 0)
        guard length >= 1 else {
            throw ExpressionError(
                kind: .invalidArgument, message: "empty slice at column \(start.column)", column: start.column)
        }
        return (.range(lower, upper), length)
    }

    private func outOfRange(_ index: Int, size: Int, at token: Token) -> ExpressionError {
        ExpressionError(
            kind: .invalidArgument,
            message: "index \(index) at column \(token.column) is out of range 0..<\(size)",
            column: token.column)
    }

    /// `'[' sum (',' sum)* ']'`: a vector of scalars or a matrix of row vectors.
    private mutating func arrayLiteral() throws(ExpressionError) -> Parsed {
        let token = advance()
        try descend(at: token)
        defer { depth -= 1 }
        var elements: [Parsed] = []
        while true {
            elements.append(try sum())
            guard current.kind == .comma else { break }
            position += 1
        }
        try expect(.rightBracket, "',' or ']'")
        let shape = try shaped(at: token) { () throws(ShapeProblem) in try ArrayShape.literal(elements.map(\.shape)) }
        return try node(.array(elements.map(\.node)), height: elements.map(\.height).max()! + 1, shape: shape, at: token)
    }

    /// The value of a literal whole number ≥ 0 (an axis, a length), else nil.
    static func literalInteger(_ node: ExpressionNode) -> Int? {
        guard case .number(let value) = node, value == value.rounded(), value < 1e9 else { return nil }
        return Int(value)
    }

    /// Whether a parameter occurs anywhere in `node`.
    static func dependsOnParameters(_ node: ExpressionNode) -> Bool {
        switch node {
        case .parameter: return true
        case .number, .constant, .column: return false
        case .negate(let a): return dependsOnParameters(a)
        case .binary(_, let a, let b): return dependsOnParameters(a) || dependsOnParameters(b)
        case .call(_, let arguments), .arrayCall(_, let arguments), .array(let arguments):
            return arguments.contains(where: dependsOnParameters)
        case .index(let base, _): return dependsOnParameters(base)
        }
    }

    // MARK: - Helpers

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        defer { position += 1 }
        return tokens[position]
    }

    private mutating func expect(_ kind: Token.Kind, _ what: String) throws(ExpressionError) {
        guard current.kind == kind else {
            let found = current.kind == .end ? "" : ", found \(current.quoted)"
            throw syntax(at: current, "expected \(what)\(found)")
        }
        position += 1
    }

    private mutating func descend(at token: Token) throws(ExpressionError) {
        depth += 1
        if depth > ParsedExpression.maximumDepth { throw tooDeep(at: token) }
    }

    private func combine(_ op: BinaryOperator, _ left: Parsed, _ right: Parsed, at token: Token) throws(ExpressionError) -> Parsed {
        let shape = try shaped(at: token) { () throws(ShapeProblem) in
            op == .matrixProduct
                ? try ArrayShape.product(left.shape, right.shape)
                : try ArrayShape.broadcast(left.shape, right.shape, operator: op.rawValue)
        }
        return try node(.binary(op, left.node, right.node), height: Swift.max(left.height, right.height) + 1, shape: shape, at: token)
    }

    private func node(_ node: ExpressionNode, height: Int, shape: ArrayShape, at token: Token) throws(ExpressionError) -> Parsed {
        if height > ParsedExpression.maximumDepth { throw tooDeep(at: token) }
        if shape.count > ParsedExpression.maximumElements {
            throw ExpressionError(
                kind: .tooLarge,
                message: "the value at column \(token.column) is \(shape.noun) of \(shape.count) elements; the limit is \(ParsedExpression.maximumElements)",
                column: token.column)
        }
        return Parsed(node: node, height: height, shape: shape)
    }

    /// Runs a shape rule; its problem becomes an error at `token`'s column.
    private func shaped(at token: Token, _ rule: () throws(ShapeProblem) -> ArrayShape) throws(ExpressionError) -> ArrayShape {
        do {
            return try rule()
        } catch {
            throw ExpressionError(kind: .shapeMismatch, message: "\(error.message) at column \(token.column)", column: token.column)
        }
    }

    private func tooDeep(at token: Token) -> ExpressionError {
        ExpressionError(
            kind: .tooDeep,
            message: "expression nests more than \(ParsedExpression.maximumDepth) levels deep at column \(token.column)",
            column: token.column)
    }

    private func syntax(at token: Token, _ detail: String) -> ExpressionError {
        ExpressionError(kind: .syntax, message: "syntax error at column \(token.column): \(detail)", column: token.column)
    }

    private func resolve(_ name: String, at token: Token) throws(ExpressionError) -> (ExpressionNode, ArrayShape) {
        if let index = parameters.firstIndex(where: { $0.name == name }) {
            return (.parameter(index: index, name: name), parameters[index].shape)
        }
        if let value = constants[name] { return (.constant(name: name, value: value), value.shape) }
        if let index = columns.firstIndex(of: name) { return (.column(index: index, name: name), .scalar) }
        if ExpressionFunction(rawValue: name) != nil || ArrayFunction(rawValue: name) != nil {
            throw syntax(at: tokens[position], "expected '(' after function '\(name)'")
        }
        var known = "parameters: " + (parameters.isEmpty ? "none" : parameters.map(\.name).joined(separator: ", "))
        if !constants.isEmpty { known += "; constants: " + constants.keys.sorted().joined(separator: ", ") }
        if !columns.isEmpty { known += "; data columns: " + columns.joined(separator: ", ") }
        throw ExpressionError(
            kind: .unknownName,
            message: "unknown name '\(name)' at column \(token.column) (\(known))",
            column: token.column)
    }
}
