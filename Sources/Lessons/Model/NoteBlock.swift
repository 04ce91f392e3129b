/// One block of a lesson's prose (`notes.md`), inline text already converted to Pango markup.
public enum NoteBlock: Equatable {
    /// `## Heading`
    case heading(String)
    /// A paragraph.
    case paragraph(String)
    /// `- item` lines.
    case bullets([String])
    /// `1. item` lines, numbered from `start` (the first item's number).
    case numbered([String], start: Int)
    /// Display lines: `    v ← μv − ηg` (indented four spaces), as Pango markup, consecutive lines joined by `\n`
    /// with their indentation relative to the least indented; set as one centered block in a monospace font.
    case formula(String)
    /// `{{figure ID}}`, `{{table ID}}`, `{{results}}`, `{{check ID}}`, `{{rule RUN}}`: generated content.
    case insert(kind: String, id: String?)
}
