import Plot

/// A small TeX-like subset for formulas in notes, turned into Pango markup.
///
/// ```
/// x^{2}  x^2  x^2^     superscript (a braced group, one character, or Markdown's ^…^)
/// x_{i}  x_i  x~i~     subscript (likewise; \_ is a literal underscore)
/// \eta \mu \theta …    Greek letters, lower case and upper case (\Sigma)
/// \nabla \partial \sum \prod \int \cdot \times \le \ge \ne \approx \pm \infty
/// \to \gets \in \star \circ \ldots \| (‖)
/// \frac{a}{b}          a/b, with parentheses around a side that is more than one symbol
/// \sqrt{x}             √x, or √(x + y)
/// \text{words}         upright words, no conversion
/// \phantom{P_y = }     invisible, as wide as its content (to line up rows)
/// \, \; \quad \{ \} \_ \\ thin space, space, wide space, braces, underscore, backslash
/// ```
///
/// Braces group without printing. Everything else is set as written, escaped for markup.
public enum FormulaMarkup {
    /// A formula that is not in the subset: what is wrong, without the file and line.
    public struct Failure: Error, Equatable {
        /// One sentence, e.g. `unknown command \foo in a formula`.
        public var message: String
    }

    /// Letters and symbols a backslash command names.
    public static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "nabla": "∇", "partial": "∂", "sum": "Σ", "prod": "∏", "int": "∫", "cdot": "·", "times": "×",
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "pm": "±",
        "infty": "∞", "to": "→", "rightarrow": "→", "gets": "←", "leftarrow": "←", "in": "∈", "star": "⋆",
        "circ": "∘", "ldots": "…", "quad": "  ",
    ]

    /// The markup for one formula line.
    public static func markup(_ formula: String) throws -> String {
        var parser = Parser(chars: Array(formula))
        let out = try parser.sequence(closing: nil)
        return out.markup
    }

    /// Converted text: its markup and whether it is a single symbol (for parentheses in fractions).
    struct Piece {
        var markup: String
        var isAtom: Bool
    }

    struct Parser {
        let chars: [Character]
        var i = 0

        init(chars: [Character]) { self.chars = chars }

        mutating func sequence(closing: Character?) throws -> Piece {
            var out = ""
            var symbols = 0, spaced = false
            while i < chars.count {
                let c = chars[i]
                if let closing, c == closing { return Piece(markup: out, isAtom: symbols <= 1 && !spaced) }
                switch c {
                case "{":
                    i += 1
                    let inner = try sequence(closing: "}")
                    i += 1
                    out += inner.markup; symbols += inner.isAtom ? 1 : 2
                case "}":
                    throw Failure(message: "a '}' in a formula closes no '{'")
                case "^", "_", "~":
                    guard symbols > 0 || !out.isEmpty else {
                        throw Failure(message: "'\(c)' in a formula needs something before it to raise or lower")
                    }
                    let tag = c == "^" ? "sup" : "sub"
                    out += "<\(tag)>" + (try script(marker: c)) + "</\(tag)>"
                case "\\":
                    let piece = try command()
                    out += piece.markup; symbols += piece.isAtom ? 1 : 2
                    spaced = spaced || piece.markup.contains(" ")
                default:
                    if c == " " { spaced = true } else if "+−-=<>/·×,".contains(c) { symbols += 2 } else { symbols += 1 }
                    out += TextStyle.escape(String(c))
                    i += 1
                }
            }
            if closing != nil { throw Failure(message: "a '{' in a formula is never closed") }
            return Piece(markup: out, isAtom: symbols <= 1 && !spaced)
        }

        /// The argument of `^`, `_` or `~` at `i`: a braced group, Markdown's `^…^` / `~…~`, or one symbol.
        mutating func script(marker: Character) throws -> String {
            i += 1
            guard i < chars.count, chars[i] != " " else {
                throw Failure(message: "'\(marker)' in a formula needs what to raise or lower right after it, as in x^{2}")
            }
            if chars[i] == "{" { return try group().markup }
            // Markdown's form (^…^ and ~…~ only): a closing marker on the line with no space in between,
            // and brackets balanced between them (in `(y − x^2)^2` the second `^` opens a superscript
            // of its own; it does not close `^2)`).
            if marker != "_", let end = chars[i...].firstIndex(of: marker), !chars[i..<end].contains(" "),
               Self.balanced(chars[i..<end]) {
                var inner = Parser(chars: Array(chars[i..<end]))
                let piece = try inner.sequence(closing: nil)
                i = end + 1
                return piece.markup
            }
            guard marker != "~" else { throw Failure(message: "'~' in a formula opens a subscript that is never closed") }
            if chars[i] == "\\" { return try command().markup }
            defer { i += 1 }
            return TextStyle.escape(String(chars[i]))
        }

        /// Whether every bracket in `text` closes one it opened: `(`, `[` and `{`.
        static func balanced(_ text: ArraySlice<Character>) -> Bool {
            var open: [Character] = []
            let pairs: [Character: Character] = [")": "(", "]": "[", "}": "{"]
            for c in text {
                if "([{".contains(c) { open.append(c) } else if let opener = pairs[c] {
                    guard open.popLast() == opener else { return false }
                }
            }
            return open.isEmpty
        }

        /// A braced group at `i`.
        mutating func group() throws -> Piece {
            guard i < chars.count, chars[i] == "{" else { throw Failure(message: "expected '{' in a formula") }
            i += 1
            let piece = try sequence(closing: "}")
            i += 1
            return piece
        }

        /// A backslash command at `i`.
        mutating func command() throws -> Piece {
            i += 1
            guard i < chars.count else { throw Failure(message: "a formula ends with a lone '\\'") }
            let first = chars[i]
            if !first.isLetter {
                i += 1
                switch first {
                case ",": return Piece(markup: "\u{2009}", isAtom: true)
                case ";", " ": return Piece(markup: " ", isAtom: true)
                case "{", "}", "_", "\\": return Piece(markup: String(first), isAtom: true)
                case "|": return Piece(markup: "‖", isAtom: true)
                default: throw Failure(message: "unknown command \\\(first) in a formula")
                }
            }
            var name = ""
            while i < chars.count, chars[i].isLetter { name.append(chars[i]); i += 1 }
            switch name {
            case "frac":
                guard i < chars.count, chars[i] == "{" else { throw Failure(message: "\\frac needs two groups, as in \\frac{a}{b}") }
                let top = try group()
                guard i < chars.count, chars[i] == "{" else { throw Failure(message: "\\frac needs two groups, as in \\frac{a}{b}") }
                let bottom = try group()
                func side(_ p: Piece) -> String { p.isAtom ? p.markup : "(\(p.markup))" }
                return Piece(markup: side(top) + "/" + side(bottom), isAtom: false)
            case "sqrt":
                let inner = try group()
                return Piece(markup: "√" + (inner.isAtom ? inner.markup : "(\(inner.markup))"), isAtom: true)
            case "text":
                guard i < chars.count, chars[i] == "{", let end = chars[i...].firstIndex(of: "}") else {
                    throw Failure(message: "\\text needs its words in braces, as in \\text{step}")
                }
                let words = String(chars[(i + 1)..<end])
                i = end + 1
                return Piece(markup: TextStyle.escape(words), isAtom: !words.contains(" "))
            case "phantom":
                let inner = try group()
                return Piece(markup: "<span alpha=\"1\">\(inner.markup)</span>", isAtom: inner.isAtom)
            default:
                guard let symbol = symbols[name] else {
                    throw Failure(message: "unknown command \\\(name) in a formula (the subset is listed in lessons/README.md)")
                }
                return Piece(markup: symbol, isAtom: true)
            }
        }
    }
}
