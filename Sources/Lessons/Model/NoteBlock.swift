/// One block of a lesson's prose (`notes.md`), inline text already converted to Pango markup.
public enum NoteBlock: Equatable {
    /// `## Heading`
    case heading(String)
    /// A paragraph.
    case paragraph(String)
    /// `- item` lines.
    case bullets([String])
    /// A display line: `    v ← μv − ηg` (indented four spaces), set centered in a monospace font.
    case formula(String)
    /// `{{figure ID}}`, `{{table ID}}`, `{{results}}`, `{{check ID}}`, `{{rule RUN}}`: generated content.
    case insert(kind: String, id: String?)
}
