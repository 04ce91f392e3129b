import Lessons
import Plot

/// A one-page sheet (a comparison, a map, a range test): a bold title and a gray subtitle across the top,
/// then figures stacked below, with the same margins and type everywhere.
struct Sheet {
    /// The space around the page.
    static let margin = 36.0
    /// Between the header and the first figure, and between figures.
    static let gap = 10.0

    /// The page's width, and the text's (the page's less the margins).
    let pageWidth: Double, width: Double
    private(set) var items: [Page.Item]
    /// Where the next item goes.
    private(set) var top: Double

    /// A sheet `pageWidth` wide headed by `title` (plain text) and `subtitle` (markup), broken as `canvas` measures.
    init(pageWidth: Double, title: String, subtitle: String, canvas: Canvas) {
        let margin = Self.margin
        self.pageWidth = pageWidth
        width = pageWidth - 2 * margin
        let titleStyle = TextStyle(family: "DejaVu Sans", size: 12, bold: true)
        let subtitleStyle = TextStyle(family: "DejaVu Sans", size: 9, color: Color(hex: 0x444444))
        let heading = TextBlock.wrapping(TextStyle.escape(title), width: width, style: titleStyle, lineHeight: 15, canvas: canvas)
        let sub = TextBlock.wrapping(subtitle, width: width, style: subtitleStyle, lineHeight: 12, canvas: canvas)
        items = [
            Page.Item(frame: Rect(x: margin, y: margin, width: width, height: heading.height), content: heading),
            Page.Item(frame: Rect(x: margin, y: margin + heading.height + 4, width: width, height: sub.height), content: sub),
        ]
        top = margin + heading.height + 4 + sub.height + Self.gap
    }

    /// Places `drawable` `height` points tall below what is there.
    mutating func add(_ drawable: any Drawable, height: Double) {
        items.append(Page.Item(frame: Rect(x: Self.margin, y: top, width: width, height: height), content: drawable))
        top += height + Self.gap
    }

    /// A wrapped paragraph of markup in the caption style, placed below what is there.
    mutating func addCaption(_ markup: String, canvas: Canvas) {
        let style = TextStyle(family: "DejaVu Sans", size: 8.5, color: Color(hex: 0x333333))
        let block = TextBlock.wrapping(markup, width: width, style: style, lineHeight: 11, canvas: canvas)
        add(block, height: block.height)
    }

    /// The page, `height` tall (or just tall enough for what is on it).
    func page(height: Double? = nil) -> Page {
        Page(size: Size(pageWidth, height ?? (top - Self.gap + Self.margin)), items: items)
    }
}
