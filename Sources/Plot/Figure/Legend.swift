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
    /// The inside corner that covers the fewest data points and labels.
    case automatic
    /// A fixed inside corner.
    case topLeft, topRight, bottomLeft, bottomRight
    /// No legend.
    case hidden
}

/// Lays out and draws a panel legend.
enum LegendBox {
    static let sampleWidth = 22.0

    /// Draws `entries` into the panel at the corner chosen by `placement`.
    static func draw(_ entries: [LegendEntry], placement: LegendPlacement, context: MarkContext, avoid points: [Point]) {
        guard !entries.isEmpty, placement != .hidden else { return }
        let canvas = context.canvas, theme = context.theme
        let style = theme.text(theme.tickFontSize)
        let sizes = entries.map { canvas.measureText($0.label, style: style) }
        let rowHeight = max(sizes.map(\.height).max() ?? 0, 9)
        let pad = 4.0, gap = 4.0
        let width = pad + sampleWidth + gap + (sizes.map(\.width).max() ?? 0) + pad
        let height = pad + rowHeight * Double(entries.count) + 2 * Double(entries.count - 1) + pad
        let plot = context.plot, inset = 5.0
        let corners: [(LegendPlacement, Point)] = [
            (.topRight, Point(plot.maxX - inset - width, plot.minY + inset)),
            (.topLeft, Point(plot.minX + inset, plot.minY + inset)),
            (.bottomRight, Point(plot.maxX - inset - width, plot.maxY - inset - height)),
            (.bottomLeft, Point(plot.minX + inset, plot.maxY - inset - height)),
        ]
        var origin = corners[0].1
        if placement == .automatic {
            var best = Int.max
            for (_, o) in corners {
                let r = Rect(x: o.x, y: o.y, width: width, height: height)
                let covered = points.reduce(0) { $0 + (r.contains($1) ? 1 : 0) }
                    + context.occupiedLabels.reduce(0) { $0 + ($1.intersects(r) ? 50 : 0) }
                if covered < best { best = covered; origin = o }
            }
        } else if let c = corners.first(where: { $0.0 == placement }) {
            origin = c.1
        }
        let box = Rect(x: origin.x, y: origin.y, width: width, height: height)
        canvas.fill(.rect(box), color: Color.white.withAlpha(0.88))
        canvas.stroke(.rect(box), style: StrokeStyle(width: 0.5, color: Color(hex: 0xB0B0B0)))
        context.reserve(box)
        for (k, entry) in entries.enumerated() {
            let top = origin.y + pad + Double(k) * (rowHeight + 2)
            let mid = top + rowHeight / 2
            let x0 = origin.x + pad
            if entry.showsLine {
                let line = Path.polyline([Point(x0, mid), Point(x0 + sampleWidth, mid)])
                canvas.stroke(line, style: entry.style.stroke)
            }
            if entry.showsMarker {
                entry.style.marker.draw(in: canvas, at: Point(x0 + sampleWidth / 2, mid), size: entry.style.markerSize + 0.5,
                                        color: entry.style.color)
            }
            canvas.drawText(entry.label, style: style, at: Point(x0 + sampleWidth + gap, mid - sizes[k].height / 2), angle: 0)
        }
    }
}
