/// A canvas that records every call as a line of text, for tests.
///
/// Numbers are rounded to 0.01 pt so dumps are stable. Text measurement is a
/// fixed approximation (0.6 em per character, 1.2 em per line, wrapping at
/// `wrapWidth`) so layout is deterministic without fonts.
public final class RecordingCanvas: Canvas {
    /// The recorded calls, one per line.
    public private(set) var lines: [String] = []

    /// An empty recording.
    public init() {}

    /// All recorded calls joined by newlines.
    public var dump: String { lines.joined(separator: "\n") }

    /// Records `save`.
    public func save() { lines.append("save") }
    /// Records `restore`.
    public func restore() { lines.append("restore") }
    /// Records `clip` and the rectangle.
    public func clip(to rect: Rect) { lines.append("clip \(fmt(rect))") }
    /// Records `fill`, the color and the path.
    public func fill(_ path: Path, color: Color) { lines.append("fill \(fmt(color)) \(fmt(path))") }
    /// Records `stroke`, color, width, dashes and the path.
    public func stroke(_ path: Path, style: StrokeStyle) {
        let dash = style.dash.isEmpty ? "" : " dash[\(style.dash.map(fmt).joined(separator: ","))]"
        lines.append("stroke \(fmt(style.color)) w\(fmt(style.width))\(dash) \(fmt(path))")
    }
    /// Records `image`, its pixel size and where it is drawn.
    public func draw(_ image: RasterImage, in rect: Rect, smooth: Bool) {
        lines.append("image \(image.width)x\(image.height) \(fmt(rect))\(smooth ? " smooth" : "")")
    }
    /// Records `text`, its origin, angle, size, weight and markup.
    public func drawText(_ markup: String, style: TextStyle, at origin: Point, angle: Double) {
        let rot = angle == 0 ? "" : " rot\(fmt(angle))"
        lines.append("text \(fmt(origin))\(rot) \(fmt(style.size))pt\(style.bold ? " bold" : "") \"\(markup)\"")
    }
    /// The fixed approximation described above: 0.6 em per character, 1.2 em per line.
    public func measureText(_ markup: String, style: TextStyle) -> Size {
        let plain = RecordingCanvas.stripMarkup(markup)
        let charWidth = 0.6 * style.size, lineHeight = 1.2 * style.size
        var lineCount = 0, widest = 0.0
        for paragraph in plain.split(separator: "\n", omittingEmptySubsequences: false) {
            let width = Double(paragraph.count) * charWidth
            if let wrap = style.wrapWidth, wrap > 0, width > wrap {
                let perLine = max(1, Int(wrap / charWidth))
                lineCount += (paragraph.count + perLine - 1) / perLine
                widest = max(widest, Double(perLine) * charWidth)
            } else {
                lineCount += 1
                widest = max(widest, width)
            }
        }
        return Size(widest, Double(lineCount) * lineHeight)
    }

    /// Markup with tags removed and the five entities decoded.
    static func stripMarkup(_ markup: String) -> String {
        var out = "", inTag = false
        for c in markup {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        let entities: [(String, String)] = [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")]
        for (entity, char) in entities { out = out.replacingAll(entity, char) }
        return out
    }

    private func fmt(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
    private func fmt(_ p: Point) -> String { "(\(fmt(p.x)),\(fmt(p.y)))" }
    private func fmt(_ r: Rect) -> String { "[\(fmt(r.x)),\(fmt(r.y)) \(fmt(r.width))x\(fmt(r.height))]" }
    private func fmt(_ c: Color) -> String {
        var h = ""
        for component in [c.red, c.green, c.blue] {
            let byte = Int((component * 255).rounded())
            h += (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }
        return c.alpha < 1 ? "#\(h)@\(fmt(c.alpha))" : "#\(h)"
    }
    private func fmt(_ path: Path) -> String {
        path.elements.map { e -> String in
            switch e {
            case .move(let p): return "M\(fmt(p))"
            case .line(let p): return "L\(fmt(p))"
            case .curve(let a, let b, let p): return "C\(fmt(a))\(fmt(b))\(fmt(p))"
            case .close: return "Z"
            }
        }.joined(separator: " ")
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
