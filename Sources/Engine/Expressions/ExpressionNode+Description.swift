import Trace

extension ExpressionNode: CustomStringConvertible {
    /// The node printed with the fewest parentheses that keep the tree's shape:
    /// spaces around `+` and `-`, none around `*`, `/` and `^`.
    public var description: String {
        var text = ""
        write(into: &text)
        return text
    }

    /// Binding strength, loosest first; atoms bind tightest.
    private var precedence: Int {
        switch self {
        case .binary(.add, _, _), .binary(.subtract, _, _): return 1
        case .binary(.multiply, _, _), .binary(.divide, _, _), .binary(.matrixProduct, _, _): return 2
        case .negate: return 3
        case .binary(.power, _, _): return 4
        case .number, .parameter, .constant, .column, .call, .arrayCall, .array: return 5
        case .index: return 6
        }
    }

    private func write(into text: inout String) {
        switch self {
        case .number(let value):
            text += NumberText.plain(value)
        case .parameter(_, let name), .column(_, let name), .constant(let name, _):
            text += name
        case .negate(let operand):
            text += "-"
            // `-(-x)` reads better than `--x`.
            operand.write(into: &text, parenthesized: operand.precedence <= 3)
        case .binary(let op, let left, let right):
            let own = precedence
            switch op {
            case .add, .subtract, .multiply, .divide, .matrixProduct:
                left.write(into: &text, parenthesized: left.precedence < own)
                text += (op == .add || op == .subtract || op == .matrixProduct) ? " \(op.rawValue) " : op.rawValue
                right.write(into: &text, parenthesized: right.precedence <= own)
            case .power:
                left.write(into: &text, parenthesized: left.precedence <= own)
                text += "^"
                right.write(into: &text, parenthesized: right.precedence < 3)
            }
        case .call(let function, let arguments):
            text += function.rawValue
            ExpressionNode.write(arguments, between: ("(", ")"), into: &text)
        case .arrayCall(let function, let arguments):
            text += function.rawValue
            ExpressionNode.write(arguments, between: ("(", ")"), into: &text)
        case .array(let elements):
            ExpressionNode.write(elements, between: ("[", "]"), into: &text)
        case .index(let base, let subscripts):
            base.write(into: &text, parenthesized: base.precedence < 5)
            text += "[" + subscripts.map { item in
                switch item {
                case .position(let i): return String(i)
                case .column(_, let name): return name
                case .range(let lower, let upper): return (lower.map(String.init) ?? "") + ":" + (upper.map(String.init) ?? "")
                }
            }.joined(separator: ",") + "]"
        }
    }

    private static func write(_ items: [ExpressionNode], between brackets: (String, String), into text: inout String) {
        text += brackets.0
        for (i, item) in items.enumerated() {
            if i > 0 { text += ", " }
            item.write(into: &text)
        }
        text += brackets.1
    }

    private func write(into text: inout String, parenthesized: Bool) {
        if parenthesized { text += "(" }
        write(into: &text)
        if parenthesized { text += ")" }
    }
}
