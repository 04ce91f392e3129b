/// One legend line: a sample of the series' line and marker, and its label.
public struct LegendEntry: Equatable, Sendable {
    /// The label as markup.
    public var label: String
    /// The series' look.
    public var style: SeriesStyle
    /// Whether the sample shows a line.
    public var showsLine: Bool
    /// Whether the sample shows the marker.
    public var showsMarker: Bool

    /// An entry labelled `label` drawn in `style`.
    public init(label: String, style: SeriesStyle, showsLine: Bool = true, showsMarker: Bool = true) {
        self.label = label; self.style = style; self.showsLine = showsLine; self.showsMarker = showsMarker
    }
}

/// Where a panel's legend goes.
public enum LegendPlacement: Equatable, Sendable {
    /// The inside corner that covers the fewest data points and labels (or the middle of an edge,
    /// when every corner covers some).
    case automatic
    /// A fixed inside corner.
    case topLeft, topRight, bottomLeft, bottomRight
    /// No legend.
    case hidden
}

/// Lays out and draws a panel legend.
enum LegendBox {
    static let sampleWidth = 22.0

    /// The legend's size for `entries`: row height, label sizes and the box size.
    static func measure(_ entries: [LegendEntry], context: MarkContext) -> (rowHeight: Double, sizes: [Size], box: Size) {
        let style = context.theme.text(context.theme.tickFontSize)
        let sizes = entries.map { context.canvas.measureText($0.label, style: style) }
        let rowHeight = max(sizes.map(\.height).max() ?? 0, 9)
        let width = pad + sampleWidth + gap + (sizes.map(\.width).max() ?? 0) + pad
        let height = pad + rowHeight * Double(entries.count) + 2 * Double(entries.count - 1) + pad
        return (rowHeight, sizes, Size(width, height))
    }

    static let pad = 4.0, gap = 4.0

    /// Chooses the legend rectangle: the requested corner, or for `.automatic` the inside corner covering
    /// the fewest of `points` (the middle of an edge when it covers fewer than every corner). Called before marks draw so their labels can avoid the legend.
    static func place(_ entries: [LegendEntry], placement: LegendPlacement, context: MarkContext, avoid points: [Point]) -> Rect? {
        guard !entries.isEmpty, placement != .hidden else { return nil }
        let size = measure(entries, context: context).box
        let plot = context.plot, inset = 5.0
        let corners: [(LegendPlacement, Point)] = [
            (.topRight, Point(plot.maxX - inset - size.width, plot.minY + inset)),
            (.topLeft, Point(plot.minX + inset, plot.minY + inset)),
            (.bottomRight, Point(plot.maxX - inset - size.width, plot.maxY - inset - size.height)),
            (.bottomLeft, Point(plot.minX + inset, plot.maxY - inset - size.height)),
        ]
        var origin = corners[0].1
        if placement == .automatic {
            // The corners first; when every corner covers something, the middles of the edges too.
            let middles = [
                Point(plot.midX - size.width / 2, plot.minY + inset), Point(plot.midX - size.width / 2, plot.maxY - inset - size.height),
                Point(plot.minX + inset, plot.midY - size.height / 2), Point(plot.maxX - inset - size.width, plot.midY - size.height / 2),
            ]
            var best = Int.max
            for o in corners.map(\.1) + middles {
                let r = Rect(x: o.x, y: o.y, width: size.width, height: size.height).inset(by: -3)
                let covered = points.reduce(0) { $0 + (r.contains($1) ? 1 : 0) }
                if covered < best { best = covered; origin = o }
            }
        } else if let c = corners.first(where: { $0.0 == placement }) {
            origin = c.1
        }
        return Rect(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }

    /// Draws `entries` in `box` (from `place`).
    static func draw(_ entries: [LegendEntry], in box: Rect, context: MarkContext) {
        let canvas = context.canvas
        let style = context.theme.text(context.theme.tickFontSize)
        let (rowHeight, sizes, _) = measure(entries, context: context)
        let origin = Point(box.x, box.y)
        canvas.fill(.rect(box), color: Color.white.withAlpha(0.88))
        canvas.stroke(.rect(box), style: StrokeStyle(width: 0.5, color: Color(hex: 0xB0B0B0)))
        for (k, entry) in entries.enumerated() {
            let top = origin.y + pad + Double(k) * (rowHeight + 2)
            let mid = top + rowHeight / 2
            let x0 = origin.x + pad
            let c = entry.style.color
            let light = 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue > 0.8
            if entry.showsLine {
                let line = Path.polyline([Point(x0, mid), Point(x0 + sampleWidth, mid)])
                // A light line (white on a dark heatmap) gets a dark outline so it shows on the white box.
                if light { canvas.stroke(line, style: StrokeStyle(width: entry.style.lineWidth + 1.6, color: Color(hex: 0x555555), cap: .round)) }
                canvas.stroke(line, style: entry.style.stroke)
            }
            if entry.showsMarker {
                entry.style.marker.draw(in: canvas, at: Point(x0 + sampleWidth / 2, mid), size: entry.style.markerSize + 0.5,
                                        color: entry.style.color, edge: light ? Color(hex: 0x555555) : .white)
            }
            canvas.drawText(entry.label, style: style, at: Point(x0 + sampleWidth + gap, mid - sizes[k].height / 2), angle: 0)
        }
    }
}
