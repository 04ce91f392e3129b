import Engine
/// Parses a lesson's `notes.md`: a small Markdown subset a teacher can write without
/// learning anything new, turned into blocks with Pango markup inline.
///
/// Block syntax: `#`/`##` headings, blank-line separated paragraphs, `- ` bullets,
/// lines indented by four spaces as centered formulas, and a line holding only
/// `{{figure ID}}`, `{{table ID}}`, `{{check ID}}`, `{{rule RUN}}`, `{{fact NAME}}` or `{{results}}`
/// to place generated content. Inline: `**bold**`, `*italic*`, `` `code` ``,
/// `~subscript~`, `^superscript^` (so `θ~k~` and `x^2^`).
public enum Notes {
    /// The kinds `{{…}}` may name.
    public static let insertKinds = ["figure", "table", "check", "rule", "results", "fact"]

    /// Splits `text` into blocks; `file` names the file in errors (an unknown or malformed `{{…}}`).
    public static func parse(_ text: String, file: String) throws -> [NoteBlock] {
        var blocks: [NoteBlock] = []
        var paragraph: [String] = []
        var bullets: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(inline(paragraph.joined(separator: " ")))); paragraph = [] }
            if !bullets.isEmpty { blocks.append(.bullets(bullets.map(inline))); bullets = [] }
        }
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = String(raw).replacingTabs()
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty { flush(); continue }
            if trimmed.hasPrefix("{{") {
                flush()
                guard trimmed.hasSuffix("}}") else {
                    throw LessonError(file: file, line: number, problem: "'{{' without a closing '}}'")
                }
                let words = trimmed.dropFirst(2).dropLast(2).split(separator: " ").map(String.init)
                guard let kind = words.first, insertKinds.contains(kind) else {
                    throw LessonError(file: file, line: number,
                                      problem: "unknown insert \(ErrorText.quoted(trimmed)) (expected {{figure ID}}, {{table ID}}, {{check ID}}, {{rule RUN}}, {{fact NAME}} or {{results}})")
                }
                let needsID = kind != "results"
                guard words.count == (needsID ? 2 : 1) else {
                    throw LessonError(file: file, line: number,
                                      problem: needsID ? "'{{\(kind)}}' needs one id, as in {{\(kind) ID}}" : "'{{results}}' takes no id")
                }
                blocks.append(.insert(kind: kind, id: needsID ? words[1] : nil))
            } else if line.hasPrefix("    ") && bullets.isEmpty && paragraph.isEmpty {
                blocks.append(.formula(escape(trimmed)))
            } else if trimmed.hasPrefix("#") {
                flush()
                blocks.append(.heading(inline(String(trimmed.drop { $0 == "#" }).trimmingSpaces())))
            } else if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
                if !paragraph.isEmpty { flush() }
                bullets.append(String(trimmed.dropFirst(2)))
            } else if !bullets.isEmpty && line.hasPrefix("  ") {
                bullets[bullets.count - 1] += " " + trimmed
            } else {
                if !bullets.isEmpty { flush() }
                paragraph.append(trimmed)
            }
        }
        flush()
        return blocks
    }

    /// The 1-based line of the first line of `text` that, trimmed, is `content`.
    public static func line(of content: String, in text: String) -> Int? {
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.trimmingSpaces() == content {
            return offset + 1
        }
        return nil
    }

    /// Escapes `&`, `<`, `>` for Pango markup.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
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
                out += open + (marker == "`" ? escape(inner) : inline(inner)) + close
                i = j + m.count
                continue outer
            }
            out += escape(String(chars[i]))
            i += 1
        }
        return out
    }
}

extension String {
    fileprivate func replacingTabs() -> String { split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "    ") }
}
