import Foundation
import Lessons
import Plot

/// Short lines for slides, drawn from a section's prose: its bullet items, or else its shortest
/// sentences, in reading order.
enum SlideText {
    /// Sentences longer than this many characters (markup tags not counted) are too long for a slide.
    static let longest = 150

    /// At most `count` bullets from `blocks`: the items of their lists if they have any, else the
    /// sentences of their paragraphs no longer than `longest`, else the first sentence cut short.
    static func bullets(_ blocks: [NoteBlock], count: Int = 3) -> [String] {
        var items: [String] = [], sentences: [String] = []
        for block in blocks {
            switch block {
            case .bullets(let list), .numbered(let list, _): items += list
            case .paragraph(let text): sentences += self.sentences(text)
            default: break
            }
        }
        if !items.isEmpty { return Array(items.prefix(count)).map(shortened) }
        // A sentence that ends without a full stop leads into a formula the slide does not show.
        let short = sentences.filter { plain($0).count <= longest && ".?!".contains(plain($0).trimmingCharacters(in: .whitespaces).last ?? " ") }
        if !short.isEmpty { return Array(short.prefix(count)) }
        return sentences.first.map { [shortened($0)] } ?? []
    }

    /// The sentences of a paragraph's markup: breaks after `.`, `?` or `!` followed by a space and a
    /// capital letter (or a tag); a sentence whose tags do not pair up loses its tags.
    static func sentences(_ markup: String) -> [String] {
        let characters = Array(markup)
        var sentences: [String] = [], current = ""
        var i = 0
        while i < characters.count {
            let c = characters[i]
            current.append(c)
            if ".?!".contains(c), i + 2 < characters.count, characters[i + 1] == " ",
               characters[i + 2].isUppercase || characters[i + 2] == "<", !current.hasSuffix("e.g."), !current.hasSuffix("i.e.") {
                sentences.append(current)
                current = ""
                i += 2
                continue
            }
            i += 1
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences.map { balanced($0) ? $0 : TextStyle.escape(plain($0)) }
    }

    /// `markup` cut at a word to at most `longest` characters with `…`, tags dropped when it is cut.
    static func shortened(_ markup: String) -> String {
        let text = plain(markup)
        guard text.count > longest else { return markup }
        var cut = String(text.prefix(longest))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return TextStyle.escape(cut) + "…"
    }

    /// The text of `markup` without tags, entities decoded.
    static func plain(_ markup: String) -> String {
        var out = "", inTag = false
        for c in markup {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out
    }

    /// Whether every tag opened in `markup` is closed in it, in order.
    static func balanced(_ markup: String) -> Bool {
        var open: [String] = []
        var rest = Substring(markup)
        while let start = rest.firstIndex(of: "<"), let end = rest[start...].firstIndex(of: ">") {
            let tag = rest[rest.index(after: start)..<end]
            if tag.hasPrefix("/") {
                guard open.popLast() == String(tag.dropFirst()) else { return false }
            } else {
                open.append(String(tag.prefix { $0 != " " }))
            }
            rest = rest[rest.index(after: end)...]
        }
        return open.isEmpty
    }
}
