/// Breaks Pango markup into lines that fit a width, measuring with a canvas.
///
/// The handout breaks lines itself (instead of letting Pango wrap) so a
/// paragraph can continue on the next page between two lines. Tags that are
/// open across a break are closed at the end of the line and reopened at the
/// start of the next, so every line is well-formed markup on its own.
/// Breaks happen at spaces; `\n` forces a break. A word wider than the whole
/// width gets a line of its own.
struct MarkupLineBreaker {
    /// One space-separated word with the tags open around it.
    struct Word {
        /// The word's markup, including tags that open or close inside it.
        var text: String
        /// Open tags (full opening tag text) just before the word.
        var openBefore: [String]
        /// Open tags just after the word.
        var openAfter: [String]
        /// Whether a forced line break follows.
        var breakAfter: Bool
    }

    /// Splits markup into words, tracking the tag stack.
    static func words(_ markup: String) -> [Word] {
        var words: [Word] = []
        var stack: [String] = []
        var current = "", currentOpen: [String] = [], visible = false
        var tag: String?
        func finish(breakAfter: Bool) {
            if visible {
                words.append(Word(text: current, openBefore: currentOpen, openAfter: stack, breakAfter: breakAfter))
                current = ""; visible = false; currentOpen = stack
            } else if breakAfter, !words.isEmpty {
                words[words.count - 1].breakAfter = true
            }
        }
        for c in markup {
            if var t = tag {
                t.append(c)
                if c == ">" {
                    current += t
                    tag = nil
                    if t.hasPrefix("</") { if !stack.isEmpty { stack.removeLast() } } else if !t.hasSuffix("/>") { stack.append(t) }
                } else {
                    tag = t
                }
                continue
            }
            switch c {
            case "<":
                if current.isEmpty { currentOpen = stack }
                tag = "<"
            case " ", "\n":
                finish(breakAfter: c == "\n")
                if current.isEmpty { currentOpen = stack }
            default:
                if current.isEmpty { currentOpen = stack }
                current.append(c); visible = true
            }
        }
        if visible {
            words.append(Word(text: current, openBefore: currentOpen, openAfter: stack, breakAfter: false))
        } else if !current.isEmpty, !words.isEmpty {
            // Trailing closing tags belong to the last word.
            words[words.count - 1].text += current
            words[words.count - 1].openAfter = stack
        }
        return words
    }

    /// Well-formed markup for `words[range]` on one line.
    static func line(_ words: ArraySlice<Word>) -> String {
        guard let first = words.first, let last = words.last else { return "" }
        let closing = last.openAfter.reversed().map { "</" + tagName($0) + ">" }.joined()
        return first.openBefore.joined() + words.map(\.text).joined(separator: " ") + closing
    }

    /// The element name of an opening tag such as `<span foreground="gray">`.
    static func tagName(_ openTag: String) -> String {
        String(openTag.dropFirst().prefix { $0 != " " && $0 != ">" && $0 != "/" })
    }

    /// Lines of `markup` no wider than `width` when set in `style` (its wrapWidth is ignored).
    ///
    /// Each line takes words while they fit: it ends before the first word that would make it wider
    /// than `width`, or after a forced break. A line only grows as words join it, so the first word
    /// that does not fit is searched for rather than walked to: from the previous line's word count,
    /// in steps that double away from it, then by halving (the first line starts from one word). That
    /// measures a few candidates per line instead of every one, and finds the same break.
    static func lines(_ markup: String, width: Double, style: TextStyle, canvas: Canvas) -> [String] {
        var style = style
        style.wrapWidth = nil
        let words = words(markup)
        var lines: [String] = []
        var start = 0, previousCount = 0
        while start < words.count {
            // Candidate ends e in start + 1 ..< limit: the line would be words start...e.
            var limit = start + 1
            while limit < words.count, !words[limit - 1].breakAfter { limit += 1 }
            func fits(_ e: Int) -> Bool { canvas.measureText(line(words[start...e]), style: style).width <= width }
            // The first e in start + 1 ..< limit that does not fit, or limit: every e below `low` fits,
            // `high` does not fit or is the limit.
            var low = start + 1, high = limit
            if low < high {
                let guess = min(max(start + previousCount, low), high - 1)
                var step = 1
                if previousCount > 0, !fits(guess) {
                    high = guess
                    while true {
                        let probe = high - step
                        if probe < low { break }
                        if fits(probe) { low = probe + 1; break }
                        high = probe
                        step *= 2
                    }
                } else {
                    if previousCount > 0 { low = guess + 1 }
                    while true {
                        let probe = low - 1 + step
                        if probe >= high { break }
                        if !fits(probe) { high = probe; break }
                        low = probe + 1
                        step *= 2
                    }
                }
                while low < high {
                    let middle = (low + high) / 2
                    if fits(middle) { low = middle + 1 } else { high = middle }
                }
            }
            let end = low
            lines.append(line(words[start..<end]))
            previousCount = end - start
            start = end
        }
        return lines
    }
}
