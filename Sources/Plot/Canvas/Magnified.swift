/// A drawable drawn `factor` times larger: laid out in a frame `factor` times smaller, then every
/// coordinate, line width, dash and font size multiplied by `factor`.
///
/// Slides use it so that a figure made for paper reads from the back of a room: its 8 pt labels
/// come out at 8 × `factor` pt, and its paths and markers grow with them.
public struct Magnified: Drawable {
    /// What is drawn.
    public var content: any Drawable
    /// How much larger than its own layout it is drawn.
    public var factor: Double

    /// `content` drawn `factor` times larger.
    public init(_ content: any Drawable, factor: Double) {
        precondition(factor > 0, "a magnification must be positive")
        self.content = content; self.factor = factor
    }

    /// Lays `content` out in `frame` shrunk by `factor`, and draws it scaled back up to fill `frame`.
    public func draw(in canvas: Canvas, frame: Rect) {
        let scaled = ScaledCanvas(base: canvas, factor: factor, origin: Point(frame.minX, frame.minY))
        content.draw(in: scaled, frame: Rect(x: 0, y: 0, width: frame.width / factor, height: frame.height / factor))
    }
}

/// A canvas that multiplies everything drawn on it by `factor` (and moves it to `origin`) before
/// handing it to `base`; text is set at the larger size, so it is measured as it will be drawn.
final class ScaledCanvas: Canvas {
    let base: Canvas
    let factor: Double
    let origin: Point

    init(base: Canvas, factor: Double, origin: Point) {
        self.base = base; self.factor = factor; self.origin = origin
    }

    private func map(_ p: Point) -> Point { Point(origin.x + p.x * factor, origin.y + p.y * factor) }
    private func map(_ r: Rect) -> Rect {
        Rect(x: origin.x + r.x * factor, y: origin.y + r.y * factor, width: r.width * factor, height: r.height * factor)
    }
    private func map(_ path: Path) -> Path {
        var out = Path()
        for element in path.elements {
            switch element {
            case .move(let p): out.move(to: map(p))
            case .line(let p): out.line(to: map(p))
            case .curve(let a, let b, let p): out.curve(to: map(p), control1: map(a), control2: map(b))
            case .close: out.close()
            }
        }
        return out
    }
    private func map(_ style: TextStyle) -> TextStyle {
        var s = style
        s.size *= factor
        s.wrapWidth = style.wrapWidth.map { $0 * factor }
        return s
    }

    func save() { base.save() }
    func restore() { base.restore() }
    func clip(to rect: Rect) { base.clip(to: map(rect)) }
    func fill(_ path: Path, color: Color) { base.fill(map(path), color: color) }
    func stroke(_ path: Path, style: StrokeStyle) {
        var s = style
        s.width *= factor
        s.dash = style.dash.map { $0 * factor }
        base.stroke(map(path), style: s)
    }
    func draw(_ image: RasterImage, in rect: Rect, smooth: Bool) { base.draw(image, in: map(rect), smooth: smooth) }
    func drawText(_ markup: String, style: TextStyle, at origin: Point, angle: Double) {
        base.drawText(markup, style: map(style), at: map(origin), angle: angle)
    }
    func measureText(_ markup: String, style: TextStyle) -> Size {
        let size = base.measureText(markup, style: map(style))
        return Size(size.width / factor, size.height / factor)
    }
}
