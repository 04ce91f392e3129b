import Lessons
import Plot

extension HandoutBuilder {
    /// Adds `block` when it is prose (a heading, paragraph, list or formula) and says whether it was;
    /// inserts are the caller's, since the handout and the worksheet place them differently.
    mutating func addProse(_ block: NoteBlock) -> Bool {
        switch block {
        case .heading(let text): heading(text)
        case .paragraph(let text): paragraph(text)
        case .bullets(let items): bullets(items)
        case .numbered(let items, let start): numbered(items, start: start)
        case .formula(let text): formula(text)
        case .insert: return false
        }
        return true
    }
}
