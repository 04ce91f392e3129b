/// Keeps baselines level when a line contains superscripts.
///
/// Pango makes a line with `<sup>` taller at the top, so drawing it at the
/// same top-left corner as its neighbours drops its baseline. The canvas
/// contract only reports sizes, so the drop is measured as the height the
/// superscripts add, and the line is drawn that much higher.
enum TextBaseline {
    /// How far to raise `markup`'s origin so its baseline matches a line without superscripts.
    static func raise(_ markup: String, style: TextStyle, canvas: Canvas) -> Double {
        guard markup.contains("<sup>") else { return 0 }
        var plain = markup
        while let open = plain.firstRange(of: "<sup>"), let close = plain[open.upperBound...].firstRange(of: "</sup>") {
            plain.removeSubrange(open.lowerBound..<close.upperBound)
        }
        var unwrapped = style
        unwrapped.wrapWidth = nil
        let with = canvas.measureText(markup, style: unwrapped).height
        let without = canvas.measureText(plain.isEmpty ? "0" : plain, style: unwrapped).height
        return max(0, with - without)
    }
}
