/// Text for web pages: escaping, and the Pango markup the handouts use turned into HTML.
///
/// Handout text is Pango markup: `<b>`, `<i>`, `<tt>`, `<sub>`, `<sup>`, `<small>`, `<big>`, `<u>`,
/// `<s>` and `<span …>` around text escaped with `&amp;`, `&lt;` and `&gt;`. The same escapes mean the
/// same in HTML, so only tags change:
///
/// ```
/// <tt> → <code>     <span alpha="1"> (a formula's \phantom) → <span class="phantom">
/// <b> <i> <sub> <sup> <small> <big> <u> <s> stay     any other <span …> → <span>
/// ```
enum HTMLText {
    /// `s` with `&`, `<`, `>` and `"` escaped, for text and attribute values.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Tags that read the same in Pango markup and HTML.
    private static let sameTags: Set<String> = ["b", "i", "sub", "sup", "small", "big", "u", "s"]

    /// The HTML of Pango `markup` (see the type's documentation); unknown tags are dropped, their text kept.
    static func html(fromMarkup markup: String) -> String {
        var out = ""
        var spans: [String] = []
        var rest = Substring(markup)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else { out += "&lt;"; rest = rest[rest.index(after: open)...]; break }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let closing = tag.hasPrefix("/")
            let name = String((closing ? tag.dropFirst() : tag).prefix { $0.isLetter })
            if name == "tt" {
                out += closing ? "</code>" : "<code>"
            } else if sameTags.contains(name) {
                out += closing ? "</\(name)>" : "<\(name)>"
            } else if name == "span" {
                if closing {
                    out += spans.popLast() ?? ""
                } else {
                    out += tag.contains("alpha=\"1\"") ? "<span class=\"phantom\">" : "<span>"
                    spans.append("</span>")
                }
            }
        }
        return out + rest
    }
}
