/// Flows the blocks of a printed handout (title, headings, paragraphs, figures, tables, boxes) into pages.
///
/// Add blocks in reading order, then call `build(canvasForMeasuring:title:creationDate:)`:
///
/// ```swift
/// var h = HandoutBuilder(paper: .a4, footer: "momentum · steptrace 0.1.0")
/// h.title("Momentum", subtitle: "Heavy ball on a narrow valley", meta: "lesson momentum · Keras convention")
/// h.heading("The question")
/// h.paragraph("Why does <i>momentum</i> overshoot?")
/// h.formula("v ← μv − η g")
/// let n = h.figure(contours, height: 300, caption: "The path of θ over the loss surface.")
/// h.table(steps, caption: "The first and last steps.")
/// h.resultsBox(title: "Result", rows: [("verdict", "converged at step 41")])
/// let document = h.build(canvasForMeasuring: canvas, title: "Momentum", creationDate: 0)
/// ```
///
/// Pagination measures real text with the canvas. Headings and title blocks
/// stay with what follows them, a figure stays with its caption and a table
/// with its caption, and a paragraph breaks across pages only between lines,
/// never leaving one line alone at the bottom or top of a page. A figure,
/// table or results box that does not fit the rest of a page lets the text
/// after it flow up into the space and opens the next page (a figure just too
/// tall gives up to an eighth of its height instead); a table taller than a
/// page continues on the next, its header repeated. Every page gets a footer:
/// the `footer` text on the left, "page n of N" on the right.
public struct HandoutBuilder {
    /// Paper sizes a handout is printed on.
    public enum Paper: Sendable {
        /// ISO A4 portrait.
        case a4
        /// US Letter portrait.
        case letter
        /// The page size in points.
        public var size: Size { self == .a4 ? .a4 : .letter }
    }

    /// Page margins in points; the footer and header sit inside the bottom and top margins.
    public struct Margins: Equatable, Sendable {
        /// Space above the text area; the running header sits in it.
        public var top: Double
        /// Space left of the text area.
        public var left: Double
        /// Space below the text area; the footer sits in it.
        public var bottom: Double
        /// Space right of the text area.
        public var right: Double
        /// Margins per side.
        public init(top: Double, left: Double, bottom: Double, right: Double) {
            self.top = top; self.left = left; self.bottom = bottom; self.right = right
        }
        /// The same margin on every side.
        public init(all: Double) { self.init(top: all, left: all, bottom: all, right: all) }
        /// 56 pt (about 2 cm) on every side.
        public static let standard = Margins(all: 56)
    }

    /// How a figure's height is chosen.
    public enum FigureHeight {
        /// A height in points.
        case fixed(Double)
        /// Width ÷ height.
        case aspectRatio(Double)
    }

    /// One block of the flow, in reading order, as added (all text is Pango markup).
    public enum Block {
        /// The title block.
        case title(String, subtitle: String?, meta: String?)
        /// A section heading.
        case heading(String)
        /// A paragraph of running text.
        case paragraph(String)
        /// A bulleted list.
        case bullets([String])
        /// A numbered list counting from `start`.
        case numbered([String], start: Int)
        /// Monospace display lines separated by `\n`.
        case formula(String)
        /// A figure, numbered in order of addition.
        case figure(any Drawable, width: Double?, height: FigureHeight, caption: String?, number: Int)
        /// A table, numbered in order of addition.
        case table(Table, caption: String?, number: Int)
        /// A results box of key–value lines.
        case resultsBox(title: String, rows: [(String, String)])
        /// A drawing without number or caption (a worksheet's empty axes), kept with the next block if asked.
        case drawing(any Drawable, height: Double, keepWithNext: Bool)
        /// A forced page break.
        case pageBreak
    }

    /// The paper the pages are laid out on.
    public var paper: Paper
    /// Page margins.
    public var margins: Margins
    /// Small gray text at the top of every page after the first; empty for none.
    public var header: String
    /// Small gray text at the bottom left of every page, e.g. "momentum · steptrace 0.1.0".
    public var footer: String
    /// Fonts, sizes and spacing.
    public var style: HandoutStyle

    /// The blocks added so far, in reading order (a web page reads them as the pages do).
    public internal(set) var blocks: [Block] = []
    private var figureCount = 0
    private var tableCount = 0

    /// An empty handout. `header` and `footer` are plain text, not markup.
    public init(paper: Paper = .a4, margins: Margins = .standard, header: String = "", footer: String,
                style: HandoutStyle = HandoutStyle()) {
        self.paper = paper
        self.margins = margins
        self.header = header
        self.footer = footer
        self.style = style
    }

    /// The rectangle body content is laid out in: the page minus the margins.
    public var textArea: Rect {
        let p = paper.size
        return Rect(x: margins.left, y: margins.top, width: p.width - margins.left - margins.right,
                    height: p.height - margins.top - margins.bottom)
    }

    /// Adds the title block: a large title, an optional subtitle and an optional one-line meta line (all markup).
    public mutating func title(_ title: String, subtitle: String? = nil, meta: String? = nil) {
        blocks.append(.title(title, subtitle: subtitle, meta: meta))
    }

    /// Adds a section heading (markup); it always stays on the page of what follows it.
    public mutating func heading(_ markup: String) {
        blocks.append(.heading(markup))
    }

    /// Adds a paragraph of running text (markup), wrapped to the text width.
    public mutating func paragraph(_ markup: String) {
        blocks.append(.paragraph(markup))
    }

    /// Adds a bulleted list; each item is markup and wraps with a hanging indent.
    public mutating func bullets(_ items: [String]) {
        blocks.append(.bullets(items))
    }

    /// Adds a numbered list counting from `start`; each item is markup and wraps with a hanging indent.
    public mutating func numbered(_ items: [String], start: Int = 1) {
        blocks.append(.numbered(items, start: start))
    }

    /// Adds a centered monospace formula or code line (markup), e.g. `v ← μv − η g`; `\n` separates lines, which share a left edge.
    public mutating func formula(_ markup: String) {
        blocks.append(.formula(markup))
    }

    /// Adds a figure of fixed `height` (and `width`, default the text width) with "Figure n." and `caption` below.
    ///
    /// Returns the figure number, for references in later text. A figure
    /// taller than a page shrinks to fit one.
    @discardableResult
    public mutating func figure(_ figure: any Drawable, width: Double? = nil, height: Double, caption: String? = nil) -> Int {
        figureCount += 1
        blocks.append(.figure(figure, width: width, height: .fixed(height), caption: caption, number: figureCount))
        return figureCount
    }

    /// Adds a figure whose height is its width divided by `aspectRatio` (width ÷ height), caption below.
    ///
    /// Returns the figure number.
    @discardableResult
    public mutating func figure(_ figure: any Drawable, width: Double? = nil, aspectRatio: Double,
                                caption: String? = nil) -> Int {
        figureCount += 1
        blocks.append(.figure(figure, width: width, height: .aspectRatio(aspectRatio), caption: caption,
                              number: figureCount))
        return figureCount
    }

    /// Adds a table with "Table n." and `caption` above it; returns the table number.
    @discardableResult
    public mutating func table(_ table: Table, caption: String? = nil) -> Int {
        tableCount += 1
        blocks.append(.table(table, caption: caption, number: tableCount))
        return tableCount
    }

    /// Adds a results box: light gray background, thin border, a bold `title` and key–value lines (markup).
    public mutating func resultsBox(title: String, rows: [(String, String)]) {
        blocks.append(.resultsBox(title: title, rows: rows))
    }

    /// Adds `drawable` across the text width, `height` points tall, without a number or caption (a
    /// worksheet's writing space, a label); with `keepWithNext` it stays on the page of what follows.
    public mutating func drawing(_ drawable: any Drawable, height: Double, keepWithNext: Bool = false) {
        blocks.append(.drawing(drawable, height: height, keepWithNext: keepWithNext))
    }

    /// Starts a new page for whatever comes next.
    public mutating func pageBreak() {
        blocks.append(.pageBreak)
    }

    /// Lays the blocks out into pages, measuring text with `canvas`, and adds headers and footers.
    public func build(canvasForMeasuring canvas: Canvas, title: String, creationDate: Int = 0) -> Document {
        let pieces = pieces(canvas: canvas)
        var pages = paginate(pieces).map { Page(size: paper.size, items: $0) }
        addFurniture(to: &pages, canvas: canvas)
        return Document(pages: pages, title: title, creationDate: creationDate)
    }
}
