extension HandoutBuilder {
    /// The pieces of a table with its caption above it: one piece, or when caption and table are taller
    /// than a page, one per page-sized run of rows, each under the header row again and the later ones
    /// captioned "Table n (continued)".
    func tablePieces(_ table: Table, caption captionText: String?, number: Int, canvas: Canvas) -> [Piece] {
        let width = textArea.width, s = style
        func captionBlock(_ markup: String) -> TextBlock {
            var block = TextBlock.wrapping(markup, width: width, style: s.caption, lineHeight: s.caption.size * 1.35, canvas: canvas)
            if block.lines.count == 1 { block.style.alignment = .center }
            return block
        }
        func piece(_ part: Table, _ caption: TextBlock) -> Piece {
            let size = part.size(for: width, canvas: canvas)
            let items: [(frame: Rect, content: any Drawable)] = [
                (Rect(x: 0, y: 0, width: width, height: caption.height), caption),
                (Rect(x: 0, y: caption.height + s.captionGap, width: width, height: size.height), part),
            ]
            return Piece(content: .items(items), height: caption.height + s.captionGap + size.height,
                         spaceBefore: s.blockSpacing * 1.5, spaceAfter: s.blockSpacing * 1.5, isFloat: true)
        }
        let first = captionBlock("<b>Table \(number).</b>" + (captionText.map { " " + $0 } ?? ""))
        let whole = piece(table, first)
        guard whole.height > textArea.height else { return [whole] }
        let more = captionBlock("<b>Table \(number)</b> (continued).")
        var pieces: [Piece] = []
        var start = 0
        let count = table.visibleRows.count
        while start < count {
            let caption = pieces.isEmpty ? first : more
            let room = textArea.height - caption.height - s.captionGap
            // The most rows (at least one) whose slice fits under the header on one page.
            var end = start + 1
            while end < count, table.slice(start..<(end + 1)).size(for: width, canvas: canvas).height <= room { end += 1 }
            pieces.append(piece(table.slice(start..<end), caption))
            start = end
        }
        return pieces
    }

    /// Places pieces on pages top to bottom, honouring forced breaks and keep-with-next chains.
    ///
    /// A figure that misses the rest of a page by less than its `give` is drawn that much shorter there,
    /// also when it is the end of a keep-with-next chain (a heading and its figure).
    /// Otherwise a figure, table or results box that does not fit waits: the text after it flows up into the space (as
    /// long as it fits there), and the figure opens the next page, caption and all. So a page ends early
    /// only before a forced break or when the next text will not fit either.
    func paginate(_ pieces: [Piece]) -> [[Page.Item]] {
        var pieces = pieces
        let area = textArea
        var pages: [[Page.Item]] = [[]]
        var y = 0.0, empty = true, previousSpaceAfter = 0.0
        // The page item holding the current paragraph's lines, to append the next line to.
        var openLine: (group: Int, index: Int)?

        func gap(_ after: Double, _ before: Double) -> Double { max(after, before) }
        /// Height from the top of piece `i` to the bottom of the last piece it must share a page with.
        func chainHeight(_ i: Int) -> Double {
            var h = pieces[i].height, j = i
            while pieces[j].keepWithNext, j + 1 < pieces.count, !pieces[j + 1].breakBefore {
                h += gap(pieces[j].spaceAfter, pieces[j + 1].spaceBefore) + pieces[j + 1].height
                j += 1
            }
            return min(h, area.height)
        }
        func fits(_ i: Int) -> Bool {
            empty || y + gap(previousSpaceAfter, pieces[i].spaceBefore) + chainHeight(i) <= area.height + 0.001
        }
        func newPage() {
            pages.append([]); y = 0; empty = true; openLine = nil
        }
        func place(_ i: Int) {
            let piece = pieces[i]
            let top = empty ? 0 : y + gap(previousSpaceAfter, piece.spaceBefore)
            switch piece.content {
            case .items(let items):
                for item in items {
                    let frame = Rect(x: area.minX + item.frame.x, y: area.minY + top + item.frame.y,
                                     width: item.frame.width, height: item.frame.height)
                    pages[pages.count - 1].append(Page.Item(frame: frame, content: item.content))
                }
                openLine = nil
            case let .line(group, markup, textStyle, lineHeight):
                if let open = openLine, open.group == group,
                   var block = pages[pages.count - 1][open.index].content as? TextBlock {
                    block.lines.append(markup)
                    pages[pages.count - 1][open.index].content = block
                    pages[pages.count - 1][open.index].frame.height = block.height
                } else {
                    let block = TextBlock(lines: [markup], style: textStyle, lineHeight: lineHeight)
                    pages[pages.count - 1].append(Page.Item(frame: Rect(x: area.minX, y: area.minY + top,
                                                                        width: area.width, height: lineHeight),
                                                            content: block))
                    openLine = (group, pages[pages.count - 1].count - 1)
                }
            }
            y = top + piece.height
            empty = false
            previousSpaceAfter = piece.spaceAfter
        }

        // A float that did not fit the page being filled; it opens the next one.
        var waiting: Int? = nil
        for i in pieces.indices {
            let piece = pieces[i]
            if let w = waiting {
                // Text flows up past the waiting float while it fits; anything else sends the float on.
                if !piece.isFloat && !piece.breakBefore && fits(i) {
                    place(i)
                    continue
                }
                newPage()
                place(w)
                waiting = nil
            }
            if piece.breakBefore && !empty { newPage() }
            let over = y + gap(previousSpaceAfter, piece.spaceBefore) + piece.height - area.height
            if !empty && over > 0.001 && over <= piece.give && piece.keepWithNext == false {
                pieces[i] = piece.shrunk(by: over)
                place(i)
                continue
            }
            if !empty && piece.keepWithNext && !fits(i) {
                // A heading kept with a figure that misses the page by less than the figure's give:
                // the figure is drawn that much shorter, so the heading does not leave a hole behind.
                var last = i
                while pieces[last].keepWithNext, last + 1 < pieces.count, !pieces[last + 1].breakBefore { last += 1 }
                let excess = y + gap(previousSpaceAfter, piece.spaceBefore) + chainHeight(i) - area.height
                if last > i && excess <= pieces[last].give && chainHeight(i) < area.height {
                    pieces[last] = pieces[last].shrunk(by: excess)
                }
            }
            if !fits(i) {
                let next = i + 1 < pieces.count ? pieces[i + 1] : nil
                if piece.isFloat, let next, !next.isFloat, !next.breakBefore {
                    waiting = i
                    continue
                }
                newPage()
            }
            place(i)
        }
        if let w = waiting {
            newPage()
            place(w)
        }
        return pages
    }
}
