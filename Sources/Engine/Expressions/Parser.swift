/// Recursive-descent parser for the grammar in `ParsedExpression`.
///
/// Recursion is bounded: every descent into a parenthesis, a call, a sign or
/// an exponent counts one level, and every node's height is checked, so deep
/// input ends in an `ExpressionError` (`.tooDeep`), never a stack overflow.
struct Parser {
    private let tokens: [Token]
    private var position = 0
    private var depth = 0
    private let parameters: [String]
    private let columns: [String]

    /// A node and the height of the tree under it.
    private struct Parsed {
        var node: ExpressionNode
        var height: Int
    }

    init(text: String, parameters: [String], columns: [String]) throws(ExpressionError) {
        let length = text.unicodeScalars.count
        guard length <= ParsedExpression.maximumLength else {
            throw ExpressionError(
                kind: .tooLong,
                message: "expression is too long (\(length) characters; the limit is \(ParsedExpression.maximumLength))")
        }
        var lexer = Lexer(text)
        tokens = try lexer.tokenize()
        self.parameters = parameters
        self.columns = columns
    }

    mutating func parse() throws(ExpressionError) -> ExpressionNode {
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
        return result.node
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
        while current.kind == .star || current.kind == .slash {
            let token = advance()
            let right = try unary()
            left = try combine(token.kind == .star ? .multiply : .divide, left, right, at: token)
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
        return try node(.negate(operand.node), height: operand.height + 1, at: token)
    }

    private mutating func power() throws(ExpressionError) -> Parsed {
        let base = try primary()
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
            return Parsed(node: .number(value), height: 1)
        case .name(let name):
            position += 1
            if current.kind == .leftParenthesis { return try call(name, at: token) }
            return Parsed(node: try resolve(name, at: token), height: 1)
        case .leftParenthesis:
            position += 1
            try descend(at: token)
            defer { depth -= 1 }
            let inner = try sum()
            try expect(.rightParenthesis, "')'")
            return inner
        case .end:
            throw syntax(at: token, "expected a number, a name or '(', found end of expression")
        default:
            throw syntax(at: token, "expected a number, a name or '(', found \(token.quoted)")
        }
    }

    private mutating func call(_ name: String, at token: Token) throws(ExpressionError) -> Parsed {
        guard let function = ExpressionFunction(rawValue: name) else {
            let known = ExpressionFunction.allCases.map(\.rawValue).joined(separator: ", ")
            throw ExpressionError(
                kind: .unknownFunction,
                message: "unknown function '\(name)' at column \(token.column) (functions: \(known))",
                column: token.column)
        }
        position += 1  // '('
        try descend(at: token)
        defer { depth -= 1 }
        var arguments: [ExpressionNode] = []
        var height = 0
        if current.kind != .rightParenthesis {
            while true {
                let argument = try sum()
                arguments.append(argument.node)
                height = Swift.max(height, argument.height)
                guard current.kind == .comma else { break }
                position += 1
            }
        }
        try expect(.rightParenthesis, arguments.isEmpty ? "an argument" : "',' or ')'")
        guard arguments.count == function.arity else {
            let noun = function.arity == 1 ? "argument" : "arguments"
            throw ExpressionError(
                kind: .argumentCount,
                message: "'\(name)' takes \(function.arity) \(noun), got \(arguments.count) at column \(token.column)",
                column: token.column)
        }
        return try node(.call(function, arguments), height: height + 1, at: token)
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
        try node(.binary(op, left.node, right.node), height: Swift.max(left.height, right.height) + 1, at: token)
    }

    private func node(_ node: ExpressionNode, height: Int, at token: Token) throws(ExpressionError) -> Parsed {
        if height > ParsedExpression.maximumDepth { throw tooDeep(at: token) }
        return Parsed(node: node, height: height)
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

    private func resolve(_ name: String, at token: Token) throws(ExpressionError) -> ExpressionNode {
        if let index = parameters.firstIndex(of: name) { return .parameter(index: index, name: name) }
        if let index = columns.firstIndex(of: name) { return .column(index: index, name: name) }
        if ExpressionFunction(rawValue: name) != nil {
            throw syntax(at: tokens[position], "expected '(' after function '\(name)'")
        }
        var known = "parameters: " + (parameters.isEmpty ? "none" : parameters.joined(separator: ", "))
        if !columns.isEmpty { known += "; data columns: " + columns.joined(separator: ", ") }
        throw ExpressionError(
            kind: .unknownName,
            message: "unknown name '\(name)' at column \(token.column) (\(known))",
            column: token.column)
    }
}
