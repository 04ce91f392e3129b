import Trace

/// One lexical token and the 1-based column of its first character.
struct Token: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case name(String)
        case plus, minus, star, slash, caret, at
        case leftParenthesis, rightParenthesis, comma
        case leftBracket, rightBracket, colon
        case end
    }

    let kind: Kind
    let column: Int

    /// How the token reads in an error message.
    var quoted: String {
        switch kind {
        case .number(let value): return "number \(NumberText.plain(value))"
        case .name(let name): return "name '\(name)'"
        case .plus: return "'+'"
        case .minus: return "'-'"
        case .star: return "'*'"
        case .slash: return "'/'"
        case .caret: return "'^'"
        case .at: return "'@'"
        case .leftBracket: return "'['"
        case .rightBracket: return "']'"
        case .colon: return "':'"
        case .leftParenthesis: return "'('"
        case .rightParenthesis: return "')'"
        case .comma: return "','"
        case .end: return "end of expression"
        }
    }
}
