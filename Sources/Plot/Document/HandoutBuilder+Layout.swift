extension HandoutBuilder {
    /// The smallest unit of pagination: it never splits, and it may insist on sharing a page with the next piece.
    struct Piece {
        /// What a piece draws, relative to the text area's left edge and the piece's top.
        enum Content {
            /// Drawables in frames relative to the piece.
            case items([(frame: Rect, content: any Drawable)])
            /// One line of a paragraph; consecutive lines of one paragraph on one page become one `TextBlock`.
            case line(group: Int, markup: String, style: TextStyle, lineHeight: Double)
        }
        var content: Content
        var height: Double
        var spaceBefore: Double
        var spaceAfter: Double
        var keepWithNext = false
        var breakBefore = false
        /// A figure, table or results box: when it does not fit the rest of a page, the text after it
        /// may flow up into that space, and it opens the next page.
        var isFloat = false
        /// How many points the first item (a figure) may give up in height to fit the rest of a page.
        var give = 0.0

        /// The piece with its first item `d` points shorter and everything below it moved up.
        func shrunk(by d: Double) -> Piece {
            guard case .items(var items) = content, !items.isEmpty else { return self }
            items[0].frame.height -= d
            for k in items.indices.dropFirst() { items[k].frame.y -= d }
            var copy = self
            copy.content = .items(items)
            copy.height -= d
            copy.give = 0
            return copy
        }
    }

    /// Turns blocks into measured pieces.
    func pieces(canvas: Canvas) -> [Piece] {
        let width = textArea.width, s = style
        var pieces: [Piece] = []
        var breakPending = false, group = 0
        func add(_ piece: Piece) {
            var piece = piece
            piece.breakBefore = breakPending
            breakPending = false
            pieces.append(piece)
        }
        func wrapped(_ markup: String, _ style: TextStyle, _ lineFactor: Double, width w: Double = width) -> TextBlock {
            TextBlock.wrapping(markup, width: w, style: style, lineHeight: style.size * lineFactor, canvas: canvas)
        }
        /// A caption block: centered when it fits one line, otherwise left-aligned lines.
        func caption(_ markup: String) -> TextBlock {
            var block = wrapped(markup, s.caption, 1.35)
            if block.lines.count == 1 { block.style.alignment = .center }
            return block
        }

        for block in blocks {
            switch block {
            case .pageBreak:
                breakPending = true

            case let .title(title, subtitle, meta):
                var items: [(frame: Rect, content: any Drawable)] = []
                var y = 0.0
                for (markup, textStyle, factor, gap) in [(title, s.title, 1.2, 0.0), (subtitle, s.subtitle, 1.3, 5.0),
                                                         (meta, s.meta, 1.3, 6.0)] {
                    guard let markup, !markup.isEmpty else { continue }
                    let t = wrapped(markup, textStyle, factor)
                    y += gap
                    items.append((Rect(x: 0, y: y, width: width, height: t.height), t))
                    y += t.height
                }
                y += 6
                items.append((Rect(x: 0, y: y, width: width, height: 1), HorizontalRule(style: StrokeStyle(width: 0.8))))
                y += 1
                add(Piece(content: .items(items), height: y, spaceBefore: 0, spaceAfter: 14, keepWithNext: true))

            case .heading(let markup):
                let t = wrapped(markup, s.heading, 1.25)
                add(Piece(content: .items([(Rect(x: 0, y: 0, width: width, height: t.height), t)]), height: t.height,
                          spaceBefore: s.headingSpaceBefore, spaceAfter: s.headingSpaceAfter, keepWithNext: true))

            case .paragraph(let markup):
                let lines = MarkupLineBreaker.lines(markup, width: width, style: s.body, canvas: canvas)
                group += 1
                for (i, line) in lines.enumerated() {
                    // Lines 0 and n−2 hold on to their successor: no single line left alone at a page's foot or head.
                    let keep = lines.count >= 2 && (i == 0 || i == lines.count - 2)
                    add(Piece(content: .line(group: group, markup: line, style: s.body, lineHeight: s.bodyLineHeight),
                              height: s.bodyLineHeight, spaceBefore: i == 0 ? s.blockSpacing : 0,
                              spaceAfter: i == lines.count - 1 ? s.blockSpacing : 0, keepWithNext: keep))
                }

            case .bullets(let items), .numbered(let items, _):
                var start: Int?
                if case .numbered(_, let first) = block { start = first }
                // Numbers are right-aligned before a hanging indent wide enough for the longest one.
                var markerStyle = s.body
                markerStyle.alignment = start == nil ? .left : .right
                let widest = start.map { canvas.measureText("\($0 + items.count - 1).", style: s.body).width } ?? 0
                let indent = max(s.body.size * 1.6, widest + s.body.size * 0.9)
                for (i, item) in items.enumerated() {
                    let t = TextBlock.wrapping(item, width: width - indent, style: s.body, lineHeight: s.bodyLineHeight,
                                               canvas: canvas)
                    let marker = TextBlock(lines: [start.map { "\($0 + i)." } ?? "•"], style: markerStyle,
                                           lineHeight: s.bodyLineHeight)
                    let markerFrame = start == nil ? Rect(x: indent * 0.35, y: 0, width: indent * 0.65, height: t.height)
                        : Rect(x: 0, y: 0, width: indent - s.body.size * 0.45, height: t.height)
                    add(Piece(content: .items([(markerFrame, marker),
                                               (Rect(x: indent, y: 0, width: width - indent, height: t.height), t)]),
                              height: t.height, spaceBefore: i == 0 ? s.blockSpacing : 2,
                              spaceAfter: i == items.count - 1 ? s.blockSpacing : 2,
                              // As with paragraph lines: no single item left alone at a page's foot or head.
                              keepWithNext: items.count >= 2 && (i == 0 || i == items.count - 2)))
                }

            case .formula(let markup):
                let lines = markup.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                // Lines share a left edge and the block is centered, so the arrows of a multi-line rule line up.
                var left = s.formula
                left.alignment = .left
                let t = TextBlock(lines: lines, style: left, lineHeight: s.formula.size * 1.5)
                let widest = min(width, lines.map { canvas.measureText($0, style: left).width }.max() ?? 0)
                let x = s.formula.alignment == .center ? (width - widest) / 2 : 0
                add(Piece(content: .items([(Rect(x: x, y: 0, width: width - x, height: t.height), t)]), height: t.height,
                          spaceBefore: s.blockSpacing + 2, spaceAfter: s.blockSpacing + 2))

            case let .figure(figure, figureWidth, figureHeight, captionText, number):
                let w = min(figureWidth ?? width, width)
                var h: Double
                switch figureHeight {
                case .fixed(let v): h = v
                case .aspectRatio(let r): h = r > 0 ? w / r : w
                }
                let label = "<b>Figure \(number).</b>" + (captionText.map { " " + $0 } ?? "")
                let c = caption(label)
                // A figure taller than a page shrinks so that it and its caption fit on one.
                h = max(1, min(h, textArea.height - s.captionGap - c.height))
                let items: [(frame: Rect, content: any Drawable)] = [
                    (Rect(x: (width - w) / 2, y: 0, width: w, height: h), figure),
                    (Rect(x: 0, y: h + s.captionGap, width: width, height: c.height), c),
                ]
                // A figure may lose an eighth of its height rather than leave the rest of a page empty.
                add(Piece(content: .items(items), height: h + s.captionGap + c.height,
                          spaceBefore: s.blockSpacing * 1.5, spaceAfter: s.blockSpacing * 1.5, isFloat: true, give: h / 8))

            case let .table(table, captionText, number):
                for piece in tablePieces(table, caption: captionText, number: number, canvas: canvas) { add(piece) }

            case let .drawing(drawable, height, keepWithNext):
                let h = min(height, textArea.height)
                add(Piece(content: .items([(Rect(x: 0, y: 0, width: width, height: h), drawable)]), height: h,
                          spaceBefore: s.blockSpacing, spaceAfter: s.blockSpacing, keepWithNext: keepWithNext))

            case let .resultsBox(title, rows):
                let box = resultsBox(title: title, rows: rows, width: width, canvas: canvas)
                // A box floats like a figure: the text after it may fill the page it does not fit.
                add(Piece(content: .items(box.items), height: box.height,
                          spaceBefore: s.blockSpacing * 1.5, spaceAfter: s.blockSpacing * 1.5, isFloat: true))
            }
        }
        return pieces
    }

    /// The items of a results box `width` wide, relative to its top-left corner, and its height.
    func resultsBox(title: String, rows: [(String, String)], width: Double,
                    canvas: Canvas) -> (items: [(frame: Rect, content: any Drawable)], height: Double) {
        let s = style, pad = 10.0
        let keyLine = s.boxKey.size * 1.6, valueLine = s.boxValue.size * 1.6
        var items: [(frame: Rect, content: any Drawable)] = []
        var y = pad - 2
        let heading = TextBlock.wrapping(title, width: width - 2 * pad, style: s.boxHeading,
                                         lineHeight: s.boxHeading.size * 1.35, canvas: canvas)
        items.append((Rect(x: pad, y: y, width: width - 2 * pad, height: heading.height), heading))
        y += heading.height + 4
        let keyWidth = min(rows.map { canvas.measureText($0.0, style: s.boxKey).width }.max() ?? 0, width * 0.4)
        let valueX = pad + keyWidth + 12
        for (key, value) in rows {
            let k = TextBlock.wrapping(key, width: keyWidth, style: s.boxKey, lineHeight: keyLine, canvas: canvas)
            let v = TextBlock.wrapping(value, width: width - pad - valueX, style: s.boxValue, lineHeight: valueLine,
                                       canvas: canvas)
            let h = max(k.height, v.height)
            items.append((Rect(x: pad, y: y, width: keyWidth, height: k.height), k))
            items.append((Rect(x: valueX, y: y, width: width - pad - valueX, height: v.height), v))
            y += h
        }
        y += pad - 3
        items.insert((Rect(x: 0, y: 0, width: width, height: y), BoxBackground(fill: s.boxFill, border: s.boxBorder)), at: 0)
        return (items, y)
    }

    /// Adds the footer ("footer text" left, "page n of N" right) to every page and the header to pages after the first.
    func addFurniture(to pages: inout [Page], canvas: Canvas) {
        let area = textArea, s = style.furniture
        let lineHeight = canvas.measureText("page", style: s).height
        let footerY = area.maxY + min(22, margins.bottom * 0.45)
        let headerY = area.minY - min(26, margins.top * 0.6)
        for n in pages.indices {
            let footer = PageFurniture(left: TextStyle.escape(self.footer), right: "page \(n + 1) of \(pages.count)", style: s)
            pages[n].items.append(Page.Item(frame: Rect(x: area.minX, y: footerY, width: area.width, height: lineHeight),
                                            content: footer))
            if n > 0 && !header.isEmpty {
                let h = PageFurniture(left: "", right: TextStyle.escape(header), style: s)
                pages[n].items.append(Page.Item(frame: Rect(x: area.minX, y: headerY, width: area.width, height: lineHeight),
                                                content: h))
            }
        }
    }
}
