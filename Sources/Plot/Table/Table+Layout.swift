extension Table {
    /// Where everything of a table goes at one font size, relative to its top-left corner.
    struct Layout {
        /// A column's horizontal geometry.
        struct ColumnGeometry {
            /// Left and right edges of the column's cells.
            var left: Double
            var right: Double
            /// x of the decimal point (the right edge of `lead`); the right edge for integers.
            var point: Double
            var alignment: TextStyle.Alignment
        }
        /// One visible row: the source row (nil for `⋮`) and each column's cell.
        struct Row {
            var source: Int?
            var cells: [ColumnNumberFormat.Cell]
        }

        var fontSize: Double
        var size: Size
        var columns: [ColumnGeometry]
        var headers: [String]
        var rows: [Row]
        var headerStyle: TextStyle
        var numberStyle: TextStyle
        var textStyle: TextStyle
        var headerHeight: Double
        var rowPitch: Double
        var paddingX: Double
        /// Vertical offset of text within a row, to center it on the pitch.
        var rowInset: Double
        var ellipsisWidth: Double
        var highlighted: Set<Int>
        var highlightColor: Color
        var ruleColor: Color
        var kinds: [Kind]
        var blankCells: Set<CellPosition>
        var answerCells: Set<CellPosition>

        enum Kind { case integer, number, text }

        func draw(in canvas: Canvas, origin o: Point) {
            let ruleHeavy = 0.8, ruleLight = 0.5
            let left = o.x, right = o.x + size.width
            func rule(_ y: Double, _ w: Double) {
                canvas.stroke(.polyline([Point(left, y), Point(right, y)]), style: StrokeStyle(width: w, color: ruleColor))
            }
            rule(o.y + ruleHeavy / 2, ruleHeavy)
            let headerTop = o.y + ruleHeavy
            for (i, header) in headers.enumerated() {
                let c = columns[i]
                let w = canvas.measureText(header, style: headerStyle).width
                let x = c.alignment == .left ? o.x + c.left : o.x + c.right - w
                let raise = TextBaseline.raise(header, style: headerStyle, canvas: canvas)
                canvas.drawText(header, style: headerStyle, at: Point(x, headerTop + fontSize * 0.3 - raise), angle: 0)
            }
            let bodyTop = headerTop + headerHeight
            rule(bodyTop, ruleLight)
            let rowsTop = bodyTop + ruleLight / 2 + fontSize * 0.2
            for (r, row) in rows.enumerated() {
                let y = rowsTop + Double(r) * rowPitch
                if let s = row.source, highlighted.contains(s) {
                    canvas.fill(.rect(Rect(x: left, y: y, width: size.width, height: rowPitch)), color: highlightColor)
                }
                for (i, cell) in row.cells.enumerated() {
                    let c = columns[i]
                    let textY = y + rowInset
                    if row.source == nil {
                        // The ellipsis sits over the units digit (numbers) or the start of the text.
                        let x = c.alignment == .left ? o.x + c.left : o.x + c.point - fontSize * 0.3 - ellipsisWidth / 2
                        canvas.drawText("⋮", style: numberStyle, at: Point(x, textY), angle: 0)
                        continue
                    }
                    let position = CellPosition(row: row.source ?? -1, column: i)
                    let blank = blankCells.contains(position), answer = answerCells.contains(position)
                    if blank || answer {
                        // The box a student writes in, and the same box holding the answer in the key.
                        let box = Rect(x: o.x + c.left - paddingX * 0.6, y: y + 0.8, width: c.right - c.left + paddingX * 1.2,
                                       height: rowPitch - 1.6)
                        if answer { canvas.fill(.rect(box), color: Color(hex: 0xE6E6E6)) }
                        canvas.stroke(.rect(box), style: StrokeStyle(width: 0.6, color: Color(hex: answer ? 0x333333 : 0x7F7F7F)))
                        if blank { continue }
                    }
                    var numberStyle = numberStyle
                    numberStyle.bold = answer
                    switch kinds[i] {
                    case .text:
                        let raise = TextBaseline.raise(cell.markup, style: textStyle, canvas: canvas)
                        canvas.drawText(cell.markup, style: textStyle, at: Point(o.x + c.left, textY - raise), angle: 0)
                    case .integer, .number:
                        let leadWidth = canvas.measureText(cell.lead, style: numberStyle).width
                        let raise = TextBaseline.raise(cell.markup, style: numberStyle, canvas: canvas)
                        canvas.drawText(cell.markup, style: numberStyle, at: Point(o.x + c.point - leadWidth, textY - raise),
                                        angle: 0)
                    }
                }
            }
            rule(o.y + size.height - ruleHeavy / 2, ruleHeavy)
        }
    }

    /// The layout at the preferred font size, or at a smaller one so the table fits `width`.
    ///
    /// The font shrinks down to `minimumFontSize`; if the table is still too
    /// wide there, it keeps shrinking rather than overflow.
    func layout(for width: Double, canvas: Canvas) -> Layout {
        var size = fontSize
        var best = layout(fontSize: size, canvas: canvas)
        for _ in 0..<8 where best.size.width > width && width > 0 {
            var next = size * width / best.size.width * 0.995
            if next < minimumFontSize && size > minimumFontSize { next = minimumFontSize }
            size = next
            best = layout(fontSize: size, canvas: canvas)
        }
        return best
    }

    /// The layout at font size `f`.
    func layout(fontSize f: Double, canvas: Canvas) -> Layout {
        let headerStyle = TextStyle(family: textFamily, size: f, bold: true)
        let numberStyle = TextStyle(family: numberFamily, size: f)
        let textStyle = TextStyle(family: textFamily, size: f)
        let visible = visibleRows
        var kinds: [Layout.Kind] = []
        var cellColumns: [[ColumnNumberFormat.Cell]] = []
        for column in columns {
            switch column.content {
            case .integers(let v):
                kinds.append(.integer)
                cellColumns.append(visible.map { $0.map { ColumnNumberFormat.integer(v[$0]) } ?? .init(lead: "") })
            case .numbers(let v):
                kinds.append(.number)
                let shown = visible.compactMap { $0 }
                var formatted = numberFormat.format(shown.map { v[$0] }).makeIterator()
                cellColumns.append(visible.map { $0 == nil ? .init(lead: "") : formatted.next()! })
            case .text(let v):
                kinds.append(.text)
                cellColumns.append(visible.map { $0.map { .init(lead: v[$0]) } ?? .init(lead: "") })
            }
        }
        let paddingX = 0.5 * f, gap = 1.6 * f
        let lineHeight = canvas.measureText("0", style: numberStyle).height
        // Rows with cells to write in are as tall as a school ruling (about 8 mm at 10 pt).
        let rowPitch = lineHeight + (blankCells.isEmpty && answerCells.isEmpty ? 0.45 : 1.1) * f
        var headerHeight = 0.0
        var geometry: [Layout.ColumnGeometry] = []
        var x = paddingX
        for (i, column) in columns.enumerated() {
            let header = canvas.measureText(column.header, style: headerStyle)
            headerHeight = max(headerHeight, header.height)
            let cells = cellColumns[i]
            var leadWidth = 0.0, restWidth = 0.0, textWidth = 0.0
            for cell in cells where !cell.markup.isEmpty {
                if kinds[i] == .text {
                    textWidth = max(textWidth, canvas.measureText(cell.lead, style: textStyle).width)
                } else {
                    leadWidth = max(leadWidth, canvas.measureText(cell.lead, style: numberStyle).width)
                    if !cell.rest.isEmpty { restWidth = max(restWidth, canvas.measureText(cell.rest, style: numberStyle).width) }
                }
            }
            // A column with blanks leaves room for handwriting, which is wider than print.
            let writes = (blankCells.union(answerCells)).contains { $0.column == i }
            let body = (kinds[i] == .text ? textWidth : leadWidth + restWidth) * (writes ? 1.4 : 1)
            let width = max(header.width, body)
            // Numbers are right-aligned as a block, so the point sits `restWidth` left of the right edge.
            geometry.append(.init(left: x, right: x + width, point: x + width - restWidth,
                                  alignment: kinds[i] == .text ? .left : .right))
            x += width + gap
        }
        let totalWidth = columns.isEmpty ? 0 : x - gap + paddingX
        headerHeight += 0.6 * f
        let all = visible.enumerated().map { r, source in Layout.Row(source: source, cells: cellColumns.map { $0[r] }) }
        let rows = rowWindow.map { Array(all[$0]) } ?? all
        let height = 0.8 + headerHeight + 0.25 + 0.2 * f + Double(rows.count) * rowPitch + 0.2 * f + 0.8
        return Layout(fontSize: f, size: Size(totalWidth, height), columns: geometry,
                      headers: columns.map(\.header), rows: rows, headerStyle: headerStyle,
                      numberStyle: numberStyle, textStyle: textStyle, headerHeight: headerHeight,
                      rowPitch: rowPitch, paddingX: paddingX, rowInset: (rowPitch - lineHeight) / 2,
                      ellipsisWidth: canvas.measureText("⋮", style: numberStyle).width,
                      highlighted: highlightedRows, highlightColor: highlightColor, ruleColor: ruleColor, kinds: kinds,
                      blankCells: blankCells, answerCells: answerCells)
    }
}
