import Engine
import Plot
/// Parses a lesson's `notes.md`: a small Markdown subset a teacher can write without
/// learning anything new, turned into blocks with Pango markup inline.
///
/// Block syntax: `#`/`##` headings, blank-line separated paragraphs, `- ` bullets, `1. `
/// numbered lists, runs of lines indented by four spaces as one centered formula (in the
/// TeX-like subset of `FormulaMarkup`), and a line holding only `{{figure ID}}`,
/// `{{table ID}}`, `{{check ID}}`, `{{analysis ID}}`, `{{rule RUN}}`, `{{fact NAME}}` or `{{results}}` to place
/// generated content. Inline: `**bold**`, `*italic*`, `` `code` ``, `~subscript~`,
/// `^superscript^` (so `θ~k~` and `x^2^`). What would print wrongly is refused with the line:
/// a `{{…}}` inside a sentence, a Markdown table, a formula outside the subset.
public enum Notes {
    /// The kinds `{{…}}` may name.
    public static let insertKinds = ["figure", "table", "check", "rule", "results", "fact", "analysis"]

    /// Splits `text` into blocks; `file` names the file in errors (an unknown or malformed `{{…}}`,
    /// a placeholder inside a sentence, a Markdown table, a formula outside the subset).
    public static func parse(_ text: String, file: String) throws -> [NoteBlock] {
        var blocks: [NoteBlock] = []
        var paragraph: [String] = []
        var items: [String] = []
        var listStart: Int?
        var formula: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(inline(paragraph.joined(separator: " ")))); paragraph = [] }
            if !items.isEmpty {
                blocks.append(listStart.map { .numbered(items.map(inline), start: $0) } ?? .bullets(items.map(inline)))
                items = []; listStart = nil
            }
            if !formula.isEmpty {
                let indent = formula.map { $0.prefix { $0 == " " }.count }.min() ?? 0
                blocks.append(.formula(formula.map { String($0.dropFirst(indent)) }.joined(separator: "\n")))
                formula = []
            }
        }
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = String(raw).replacingTabs()
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty { flush(); continue }
            if line.hasPrefix("    ") && items.isEmpty && paragraph.isEmpty && !trimmed.hasPrefix("{{") {
                do {
                    formula.append(String(line.prefix { $0 == " " }) + (try FormulaMarkup.markup(trimmed)))
                } catch let failure as FormulaMarkup.Failure {
                    throw LessonError(file: file, line: number, problem: failure.message)
                }
                continue
            }
            if !formula.isEmpty { flush() }
            if trimmed.hasPrefix("{{") {
                flush()
                guard trimmed.hasSuffix("}}") else {
                    throw LessonError(file: file, line: number, problem: "'{{' without a closing '}}'")
                }
                let words = trimmed.dropFirst(2).dropLast(2).split(separator: " ").map(String.init)
                guard let kind = words.first, insertKinds.contains(kind) else {
                    throw LessonError(file: file, line: number,
                                      problem: "unknown insert \(ErrorText.quoted(trimmed)) (expected {{figure ID}}, {{table ID}}, {{check ID}}, {{analysis ID}}, {{rule RUN}}, {{fact NAME}} or {{results}})")
                }
                let needsID = kind != "results"
                guard words.count == (needsID ? 2 : 1) else {
                    throw LessonError(file: file, line: number,
                                      problem: needsID ? "'{{\(kind)}}' needs one id, as in {{\(kind) ID}}" : "'{{results}}' takes no id")
                }
                blocks.append(.insert(kind: kind, id: needsID ? words[1] : nil))
                continue
            }
            if let placeholder = placeholder(in: trimmed) {
                throw LessonError(file: file, line: number,
                                  problem: "a {{\(placeholder)}} placeholder must stand alone on its line")
            }
            if trimmed.hasPrefix("|") {
                throw LessonError(file: file, line: number,
                                  problem: "Markdown tables are not supported in notes; put a run's numbers in a [[tables]] entry of lesson.toml, or other numbers in indented formula lines")
            }
            if trimmed.hasPrefix("#") {
                flush()
                blocks.append(.heading(inline(String(trimmed.drop { $0 == "#" }).trimmingSpaces())))
            } else if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
                if !paragraph.isEmpty || listStart != nil { flush() }
                items.append(String(trimmed.dropFirst(2)))
            } else if let (start, item) = numberedItem(trimmed) {
                if !paragraph.isEmpty || (!items.isEmpty && listStart == nil) { flush() }
                if items.isEmpty { listStart = start }
                items.append(item)
            } else if !items.isEmpty && line.hasPrefix("  ") {
                items[items.count - 1] += " " + trimmed
            } else {
                if !items.isEmpty { flush() }
                paragraph.append(trimmed)
            }
        }
        flush()
        return blocks
    }

    /// `3. text` or `3) text`: the number and the text.
    private static func numberedItem(_ line: String) -> (Int, String)? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4, let n = Int(digits) else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        return (n, String(rest.dropFirst(2)).trimmingSpaces())
    }

    /// The kind of a `{{…}}` placeholder inside `line` outside code spans, if any (`figure`, or `…`).
    private static func placeholder(in line: String) -> String? {
        var outsideCode = ""
        var inCode = false
        for c in line {
            if c == "`" { inCode.toggle(); continue }
            if !inCode { outsideCode.append(c) }
        }
        guard let open = outsideCode.range(of: "{{") else { return nil }
        let after = outsideCode[open.upperBound...]
        let kind = after.prefix { $0.isLetter }
        return kind.isEmpty ? "…" : String(kind)
    }

    /// The 1-based line of the first line of `text` that, trimmed, is `content`.
    public static func line(of content: String, in text: String) -> Int? {
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.trimmingSpaces() == content {
            return offset + 1
        }
        return nil
    }

    /// Converts inline Markdown to Pango markup. Unclosed markers stay literal.
    public static func inline(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        let pairs: [(String, String, String)] = [("**", "<b>", "</b>"), ("`", "<tt>", "</tt>"), ("*", "<i>", "</i>"),
                                                 ("~", "<sub>", "</sub>"), ("^", "<sup>", "</sup>")]
        outer: while i < chars.count {
            for (marker, open, close) in pairs {
                let m = Array(marker)
                guard i + m.count <= chars.count, Array(chars[i..<i + m.count]) == m else { continue }
                // Find the closing marker on the same line, with something in between.
                var j = i + m.count
                while j + m.count <= chars.count {
                    if Array(chars[j..<j + m.count]) == m && j > i + m.count { break }
                    j += 1
                }
                guard j + m.count <= chars.count else { continue }
                let inner = String(chars[i + m.count..<j])
                // As in Markdown, emphasis neither opens before nor closes after a space: 2 * 3 * 4 is arithmetic.
                if marker.hasPrefix("*"), inner.first == " " || inner.last == " " { continue }
                if marker == "^" || marker == "~", inner.contains(" ") { continue }
                out += open + (marker == "`" ? TextStyle.escape(inner) : inline(inner)) + close
                i = j + m.count
                continue outer
            }
            out += TextStyle.escape(String(chars[i]))
            i += 1
        }
        return out
    }
}

extension String {
    fileprivate func replacingTabs() -> String { split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "    ") }
}
