import Plot

/// A canvas that draws nothing and remembers the smallest font size of the text drawn on it,
/// subscripts and superscripts included (`TextStyle.smallestSize(of:)`); measuring goes to
/// `base`, so layout is as on the real canvas.
final class TextSizeProbe: Canvas {
    let base: Canvas
    /// The smallest size of any character drawn so far (∞ before any text).
    private(set) var smallest = Double.infinity

    init(base: Canvas) { self.base = base }

    /// The smallest font size `drawable` draws when given `frame`.
    static func smallestText(of drawable: any Drawable, frame: Rect, measuring base: Canvas) -> Double {
        let probe = TextSizeProbe(base: base)
        drawable.draw(in: probe, frame: frame)
        return probe.smallest
    }

    func save() {}
    func restore() {}
    func clip(to rect: Rect) {}
    func fill(_ path: Path, color: Color) {}
    func stroke(_ path: Path, style: StrokeStyle) {}
    func draw(_ image: RasterImage, in rect: Rect, smooth: Bool) {}
    func drawText(_ markup: String, style: TextStyle, at origin: Point, angle: Double) {
        smallest = min(smallest, style.smallestSize(of: markup))
    }
    func measureText(_ markup: String, style: TextStyle) -> Size { base.measureText(markup, style: style) }
}
