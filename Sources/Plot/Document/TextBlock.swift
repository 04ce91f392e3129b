/// Lines of Pango markup set one below the other at a fixed pitch.
///
/// The lines are already broken (see `TextBlock.wrapping`), so what was
/// measured is exactly what is drawn and a block can be cut between lines.
public struct TextBlock: Drawable {
    /// The lines, each well-formed markup.
    public var lines: [String]
    /// Font, size, color and horizontal alignment within the frame (wrapWidth is ignored).
    public var style: TextStyle
    /// Distance from one line's top to the next line's top, in points.
    public var lineHeight: Double

    /// A block of pre-broken lines.
    public init(lines: [String], style: TextStyle, lineHeight: Double) {
        self.lines = lines
        var style = style
        style.wrapWidth = nil
        self.style = style
        self.lineHeight = lineHeight
    }

    /// Breaks `markup` into lines no wider than `width` as `canvas` measures them.
    public static func wrapping(_ markup: String, width: Double, style: TextStyle, lineHeight: Double,
                                canvas: Canvas) -> TextBlock {
        TextBlock(lines: MarkupLineBreaker.lines(markup, width: width, style: style, canvas: canvas),
                  style: style, lineHeight: lineHeight)
    }

    /// The height of the lines: `lineHeight` per line.
    public var height: Double { Double(lines.count) * lineHeight }

    /// Draws each line at the top of its slot, aligned within `frame`.
    public func draw(in canvas: Canvas, frame: Rect) {
        for (i, line) in lines.enumerated() {
            let y = frame.minY + Double(i) * lineHeight - TextBaseline.raise(line, style: style, canvas: canvas)
            var x = frame.minX
            if style.alignment != .left {
                let w = canvas.measureText(line, style: style).width
                x = style.alignment == .center ? frame.midX - w / 2 : frame.maxX - w
            }
            canvas.drawText(line, style: style, at: Point(x, y), angle: 0)
        }
    }
}
