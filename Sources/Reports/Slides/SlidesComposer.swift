import Lessons
import Plot

/// Turns a lesson's notes into a 16:9 slide deck (1280 × 720 pt): a title slide with the learner's
/// question, one slide per `##` section (its heading, its first figure drawn large, else its first
/// table, update rule or formula, and at most three short bullets from its prose), and a closing
/// slide of take-aways (the last section's bullets when it is a list without figures, which then
/// has no slide of its own; otherwise one sentence from each section).
///
/// Every text is at least 18 pt. Figures are the handout's own, magnified so that their smallest
/// label is 18 pt, which makes their paths and markers thicker in proportion.
struct SlidesComposer: LessonComposer {
    let material: LessonMaterial

    /// The slide size in points.
    static let size = Size(1280, 720)
    /// The smallest text on a slide, in points.
    static let smallestText = 18.0
    static let margin = 64.0
    static let heading = TextStyle(family: "DejaVu Sans", size: 40, bold: true)
    static let body = TextStyle(family: "DejaVu Sans", size: 26)
    static let formula = TextStyle(family: "DejaVu Sans Mono", size: 34)
    static let footer = TextStyle(family: "DejaVu Sans", size: 18, color: Color(hex: 0x595959))

    /// One `##` section of the notes.
    struct Section {
        var heading: String
        var blocks: [NoteBlock] = []

        /// The ids of the section's `kind` inserts, in order.
        func inserts(_ kind: String) -> [String] {
            blocks.compactMap { if case .insert(kind, let id?) = $0 { return id } else { return nil } }
        }
        /// Whether the section is only a list (a take-aways section).
        var isOnlyList: Bool {
            blocks.allSatisfy { if case .bullets = $0 { return true } else { return false } } && !blocks.isEmpty
        }
    }

    /// The deck.
    func compose(canvas: Canvas, creationDate: Int) -> Document {
        var sections: [Section] = []
        for block in lesson.notes {
            if case .heading(let text) = block { sections.append(Section(heading: text)); continue }
            sections.indices.last.map { sections[$0].blocks.append(block) }
        }
        var takeaways: [String]
        if let last = sections.last, last.isOnlyList, sections.count > 1 {
            takeaways = SlideText.bullets(last.blocks, count: 4)
            sections.removeLast()
        } else {
            takeaways = sections.compactMap { SlideText.bullets($0.blocks, count: 1).first }
        }
        takeaways = Array(takeaways.prefix(4))
        var slides = [titleSlide(canvas: canvas)]
        slides += sections.map { slide($0, canvas: canvas) }
        slides.append(listSlide(heading: "Take-aways", items: takeaways, canvas: canvas))
        for n in slides.indices {
            let furniture = TextBlock(lines: [TextStyle.escape(lesson.title)], style: Self.footer, lineHeight: 24)
            var count = Self.footer
            count.alignment = .right
            let width = Self.size.width - 2 * Self.margin
            slides[n].items.append(Page.Item(frame: Rect(x: Self.margin, y: Self.size.height - 44, width: width * 0.8, height: 24),
                                             content: furniture))
            slides[n].items.append(Page.Item(frame: Rect(x: Self.margin, y: Self.size.height - 44, width: width, height: 24),
                                             content: TextBlock(lines: ["\(n + 1) / \(slides.count)"], style: count, lineHeight: 24)))
        }
        return Document(pages: slides, title: "\(lesson.title) (slides)", creationDate: creationDate)
    }

    /// Title, subtitle and the learner's question.
    private func titleSlide(canvas: Canvas) -> Page {
        var page = Page(size: Self.size)
        let width = Self.size.width - 2 * Self.margin
        var y = 150.0
        func add(_ markup: String, _ style: TextStyle, _ factor: Double, gap: Double) {
            let block = TextBlock.wrapping(markup, width: width, style: style, lineHeight: style.size * factor, canvas: canvas)
            page.items.append(Page.Item(frame: Rect(x: Self.margin, y: y, width: width, height: block.height), content: block))
            y += block.height + gap
        }
        add(TextStyle.escape(lesson.title), TextStyle(family: "DejaVu Sans", size: 52, bold: true), 1.2, gap: 14)
        if let subtitle = lesson.subtitle {
            add(TextStyle.escape(subtitle), TextStyle(family: "DejaVu Sans", size: 30, color: Color(hex: 0x333333)), 1.3, gap: 40)
        }
        if let question = lesson.question {
            add("The learner asked:", TextStyle(family: "DejaVu Sans", size: 24, color: Color(hex: 0x595959)), 1.3, gap: 8)
            add("<i>“\(question)”</i>", TextStyle(family: "DejaVu Serif", size: 30), 1.35, gap: 0)
        }
        return page
    }

    /// A slide of a heading and a list only, the font shrinking (down to 22 pt, whose subscripts
    /// are still 18 pt) and then items dropping until the list fits.
    private func listSlide(heading: String, items: [String], canvas: Canvas) -> Page {
        var page = Page(size: Self.size)
        let top = addHeading(heading, to: &page, canvas: canvas)
        let area = Rect(x: Self.margin, y: top, width: Self.size.width - 2 * Self.margin, height: Self.size.height - 70 - top)
        var items = items
        while !items.isEmpty {
            for size in [28.0, 26, 24, 22] {
                var style = Self.body
                style.size = size
                let list = SlideList(items: items, style: style, width: area.width, canvas: canvas)
                if list.height <= area.height {
                    page.items.append(Page.Item(frame: Rect(x: area.minX, y: area.minY, width: area.width, height: list.height), content: list))
                    return page
                }
            }
            items.removeLast()
        }
        return page
    }

    /// What a section's slide shows large: its first figure of one or two panels (small multiples
    /// need the room of a page), else its first figure, table, update rule or formula.
    private func centrepiece(of section: Section) -> NoteBlock? {
        let ids = section.inserts("figure").filter { figures[$0] != nil }
        let panels = { (id: String) in (self.figures[id]?.drawable as? Figure)?.panels.count ?? 1 }
        if let id = ids.first(where: { panels($0) <= 2 }) ?? ids.first { return .insert(kind: "figure", id: id) }
        if let id = section.inserts("table").first { return .insert(kind: "table", id: id) }
        if let id = section.inserts("rule").first { return .insert(kind: "rule", id: id) }
        return section.blocks.first { if case .formula = $0 { return true } else { return false } }
    }

    /// A section's slide.
    private func slide(_ section: Section, canvas: Canvas) -> Page {
        guard let centre = centrepiece(of: section), let piece = drawable(centre, canvas: canvas) else {
            return listSlide(heading: section.heading, items: SlideText.bullets(section.blocks), canvas: canvas)
        }
        var page = Page(size: Self.size)
        let top = addHeading(section.heading, to: &page, canvas: canvas)
        let area = Rect(x: Self.margin, y: top, width: Self.size.width - 2 * Self.margin, height: Self.size.height - 70 - top)
        let bullets = SlideText.bullets(section.blocks, count: piece.sideBySide ? 3 : piece.crowded ? 1 : 2)
        var style = Self.body
        style.size = 24
        // Beside a figure of one panel that is not too wide; below anything else.
        let side = !bullets.isEmpty && piece.sideBySide && piece.aspectRatio <= 2.1
        let sideWidth = 400.0, gap = 32.0
        var list = SlideList(items: bullets, style: style, width: side ? sideWidth : area.width, canvas: canvas)
        var box = area
        if side {
            box.width -= sideWidth + gap
            page.items.append(Page.Item(frame: Rect(x: area.maxX - sideWidth, y: area.minY + 10, width: sideWidth, height: list.height),
                                        content: list))
        } else if !bullets.isEmpty {
            // Bullets below keep at least half the height for the centrepiece.
            while list.height > area.height / 2, list.items.count > 1 {
                list = SlideList(items: Array(list.items.dropLast()), style: style, width: area.width, canvas: canvas)
            }
            box.height -= list.height + 16
            page.items.append(Page.Item(frame: Rect(x: area.minX, y: area.maxY - list.height, width: area.width, height: list.height),
                                        content: list))
        }
        let width = min(box.width, box.height * piece.aspectRatio, piece.naturalWidth)
        let height = width / piece.aspectRatio
        let frame = Rect(x: box.minX + (box.width - width) / 2, y: box.minY + (box.height - height) / 2, width: width, height: height)
        // A formula wider than the room shrinks with it (never below the smallest text, subscripts included).
        let factor = piece.naturalWidth.isFinite ? max(piece.factor, width / piece.naturalWidth) : piece.factor
        page.items.append(Page.Item(frame: frame, content: Magnified(piece.drawable, factor: factor)))
        return page
    }

    /// The heading at the top of a slide; returns where the body starts.
    private func addHeading(_ markup: String, to page: inout Page, canvas: Canvas) -> Double {
        let width = Self.size.width - 2 * Self.margin
        let block = TextBlock.wrapping(markup, width: width, style: Self.heading, lineHeight: 50, canvas: canvas)
        page.items.append(Page.Item(frame: Rect(x: Self.margin, y: 40, width: width, height: block.height), content: block))
        page.items.append(Page.Item(frame: Rect(x: Self.margin, y: 48 + block.height, width: width, height: 2),
                                    content: Underline()))
        return 70 + block.height
    }

    /// What a centrepiece draws: the drawable at paper size, its width ÷ height, its magnification,
    /// and whether bullets may stand beside it.
    struct Piece {
        var drawable: any Drawable
        var aspectRatio: Double
        var factor: Double
        var sideBySide: Bool
        /// The widest it may be drawn (a formula's own width; figures and tables grow to fill the slide).
        var naturalWidth = Double.infinity
        /// Small multiples, which need most of the slide.
        var crowded = false
    }

    private func drawable(_ block: NoteBlock, canvas: Canvas) -> Piece? {
        switch block {
        case .insert("figure", let id?):
            guard let built = figures[id] else { return nil }
            var drawable = built.drawable, aspectRatio = built.aspectRatio
            let panels = (built.drawable as? Figure)?.panels.count ?? 1
            if var figure = built.drawable as? Figure, panels > 2 {
                // Small multiples in one row of up to four, else two rows, which suit a wide slide better
                // than a page's grid. Panels keep their shape: width ∝ columns, height ∝ rows.
                let before = Double(figure.columns) / Double(figure.rows)
                figure.columns = panels <= 4 ? panels : (panels + 1) / 2
                aspectRatio = min(2.4, aspectRatio * Double(figure.columns) / Double(figure.rows) / before)
                drawable = figure
            }
            let frame = Rect(x: 0, y: 0, width: 400, height: 400 / aspectRatio)
            let smallest = TextSizeProbe.smallestText(of: drawable, frame: frame, measuring: canvas)
            return Piece(drawable: drawable, aspectRatio: aspectRatio,
                         factor: Self.smallestText / min(8, smallest.isFinite ? smallest : 8), sideBySide: panels == 1,
                         crowded: panels > 2)
        case .insert("table", let id?):
            guard let spec = lesson.tables.first(where: { $0.id == id }), let result = results.result(spec.run) else { return nil }
            var table = StepTable.make(spec, trace: result.trace)
            table.fontSize = 8
            table.minimumFontSize = 8
            let factor = Self.smallestText / 8
            let size = table.size(for: .infinity, canvas: canvas)
            return Piece(drawable: table, aspectRatio: size.width / size.height, factor: factor, sideBySide: false)
        case .insert("rule", let id?):
            guard let run = lesson.run(id) else { return nil }
            return formula(UpdateRule.lines(for: run.spec.optimizer, schedule: run.spec.schedule).formulas.joined(separator: "\n"),
                           canvas: canvas)
        case .formula(let text):
            return formula(text, canvas: canvas)
        default:
            return nil
        }
    }

    /// Formula lines set large, as one left-aligned block.
    private func formula(_ markup: String, canvas: Canvas) -> Piece {
        let lines = markup.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let block = TextBlock(lines: lines, style: Self.formula, lineHeight: Self.formula.size * 1.5)
        let width = lines.map { canvas.measureText($0, style: Self.formula).width }.max() ?? 1
        // The least it may shrink to: its smallest characters (subscripts) at the slides' smallest text.
        let smallest = lines.map { Self.formula.smallestSize(of: $0) }.min() ?? Self.formula.size
        return Piece(drawable: block, aspectRatio: (width + 4) / block.height, factor: Self.smallestText / smallest,
                     sideBySide: true, naturalWidth: width + 4)
    }
}

/// Bullet items set in one style, each wrapping with a hanging indent.
struct SlideList: Drawable {
    var items: [String]
    var blocks: [TextBlock]
    var style: TextStyle
    var indent: Double
    var spacing: Double

    init(items: [String], style: TextStyle, width: Double, canvas: Canvas) {
        self.items = items
        self.style = style
        indent = style.size * 1.1
        spacing = style.size * 0.6
        blocks = items.map { TextBlock.wrapping($0, width: width - style.size * 1.1, style: style, lineHeight: style.size * 1.3,
                                                canvas: canvas) }
    }

    var height: Double { blocks.map(\.height).reduce(0, +) + spacing * Double(max(0, blocks.count - 1)) }

    func draw(in canvas: Canvas, frame: Rect) {
        var y = frame.minY
        for block in blocks {
            TextBlock(lines: ["•"], style: style, lineHeight: block.lineHeight)
                .draw(in: canvas, frame: Rect(x: frame.minX, y: y, width: indent, height: block.lineHeight))
            block.draw(in: canvas, frame: Rect(x: frame.minX + indent, y: y, width: frame.width - indent, height: block.height))
            y += block.height + spacing
        }
    }
}

/// A thin dark rule under a slide's heading.
struct Underline: Drawable {
    func draw(in canvas: Canvas, frame: Rect) {
        canvas.fill(.rect(frame), color: Color(hex: 0x404040))
    }
}
