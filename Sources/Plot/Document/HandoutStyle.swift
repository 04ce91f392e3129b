/// Typography and spacing of a printed handout.
///
/// Sizes are in points. The defaults aim at a class handout printed on A4 or
/// Letter: a 10.5 pt serif body on a 15 pt pitch, sans-serif bold headings,
/// small captions, and gray page furniture that stays out of the way.
public struct HandoutStyle: Sendable {
    /// Title at the top of the first page.
    public var title = TextStyle(family: "DejaVu Sans", size: 20, bold: true)
    /// The line under the title.
    public var subtitle = TextStyle(family: "DejaVu Sans", size: 12, color: Color(hex: 0x333333))
    /// The one-line meta line under the subtitle (lesson id, date, optimizer).
    public var meta = TextStyle(family: "DejaVu Sans", size: 8.5, color: Color(hex: 0x555555))
    /// Section headings.
    public var heading = TextStyle(family: "DejaVu Sans", size: 13.5, bold: true)
    /// Running text, bullets and results-box values.
    public var body = TextStyle(family: "DejaVu Serif", size: 10.5)
    /// Distance between body baselines.
    public var bodyLineHeight = 15.0
    /// Figure and table captions.
    public var caption = TextStyle(family: "DejaVu Sans", size: 8.5, color: Color(hex: 0x222222))
    /// Formulas and code lines.
    public var formula = TextStyle(family: "DejaVu Sans Mono", size: 11, alignment: .center)
    /// Results-box heading.
    public var boxHeading = TextStyle(family: "DejaVu Sans", size: 10.5, bold: true)
    /// Results-box keys.
    public var boxKey = TextStyle(family: "DejaVu Sans", size: 9.5, color: Color(hex: 0x333333))
    /// Results-box values.
    public var boxValue = TextStyle(family: "DejaVu Sans", size: 9.5)
    /// Footer and header text.
    public var furniture = TextStyle(family: "DejaVu Sans", size: 7.5, color: Color(hex: 0x666666))
    /// Results-box background.
    public var boxFill = Color(hex: 0xF0F0F0)
    /// Results-box border.
    public var boxBorder = StrokeStyle(width: 0.6, color: Color(hex: 0x8C8C8C))
    /// Space after a paragraph, list, formula, figure, table or box.
    public var blockSpacing = 8.0
    /// Space above a section heading.
    public var headingSpaceBefore = 16.0
    /// Space between a heading and what follows.
    public var headingSpaceAfter = 5.0
    /// Space between a figure and its caption, or a table caption and its table.
    public var captionGap = 5.0

    /// The default handout style.
    public init() {}
}
