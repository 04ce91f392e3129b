/// One legend line: a sample of the series' line, marker or arrow, and its label.
public struct LegendEntry: Equatable, Sendable {
    /// The label as markup.
    public var label: String
    /// The series' look.
    public var style: SeriesStyle
    /// Whether the sample shows a line.
    public var showsLine: Bool
    /// Whether the sample shows the marker.
    public var showsMarker: Bool
    /// Whether the sample is an arrow (a vector drawn at chosen steps) instead of a line.
    public var showsArrow: Bool

    /// An entry labelled `label` drawn in `style`.
    public init(label: String, style: SeriesStyle, showsLine: Bool = true, showsMarker: Bool = true, showsArrow: Bool = false) {
        self.label = label; self.style = style; self.showsLine = showsLine; self.showsMarker = showsMarker
        self.showsArrow = showsArrow
    }
}

/// Where a panel's legend goes.
public enum LegendPlacement: Equatable, Sendable {
    /// The inside corner (or middle of an edge) that covers no drawn data; below the panel when every
    /// one of them would cover some.
    case automatic
    /// A fixed inside corner.
    case topLeft, topRight, bottomLeft, bottomRight
    /// Below the panel, under the x axis label, entries side by side.
    case below
    /// No legend.
    case hidden
}

/// Lays out and draws a panel legend.
enum LegendBox {
    static let sampleWidth = 22.0
    static let pad = 4.0, gap = 4.0
    /// Horizontal space between entries set side by side below a panel.
    static let flowGap = 12.0

    /// The legend's size for `entries`: row height, label sizes and the box size.
    static func measure(_ entries: [LegendEntry], canvas: Canvas, theme: Theme) -> (rowHeight: Double, sizes: [Size], box: Size) {
        let style = theme.text(theme.tickFontSize)
        let sizes = entries.map { canvas.measureText($0.label, style: style) }
        let rowHeight = max(sizes.map(\.height).max() ?? 0, 9)
        let width = pad + sampleWidth + gap + (sizes.map(\.width).max() ?? 0) + pad
        let height = pad + rowHeight * Double(entries.count) + 2 * Double(entries.count - 1) + pad
        return (rowHeight, sizes, Size(width, height))
    }

    /// The inside candidate covering the fewest of `points` (corners first, then along the edges), and
    /// how many it covers.
    static func bestInside(_ entries: [LegendEntry], context: MarkContext, avoid points: [Point]) -> (rect: Rect, covered: Int) {
        let size = measure(entries, canvas: context.canvas, theme: context.theme).box
        var best: (Rect, Int)? = nil
        for candidate in candidates(size: size, plot: context.plot).map(\.1) {
            let r = Rect(x: candidate.x, y: candidate.y, width: size.width, height: size.height)
            let padded = r.inset(by: -3)
            let covered = points.reduce(0) { $0 + (padded.contains($1) ? 1 : 0) }
            if best == nil || covered < best!.1 { best = (r, covered) }
            if covered == 0 { break }
        }
        return best!
    }

    /// Inside origins, corners first (the fixed placements), then along the edges: their middles, then
    /// a quarter and three quarters of the way along.
    private static func candidates(size: Size, plot: Rect) -> [(LegendPlacement?, Point)] {
        let inset = 5.0
        let left = plot.minX + inset, right = plot.maxX - inset - size.width
        let top = plot.minY + inset, bottom = plot.maxY - inset - size.height
        var out: [(LegendPlacement?, Point)] = [(.topRight, Point(right, top)), (.topLeft, Point(left, top)),
                                                (.bottomRight, Point(right, bottom)), (.bottomLeft, Point(left, bottom))]
        for f in [0.5, 0.25, 0.75] {
            let x = left + (right - left) * f, y = top + (bottom - top) * f
            out += [(nil, Point(x, top)), (nil, Point(x, bottom)), (nil, Point(left, y)), (nil, Point(right, y))]
        }
        return out
    }

    /// Chooses the legend rectangle inside the plot: the requested corner, or for `.automatic` the
    /// candidate covering the fewest of `points`. Nil for `.hidden` and `.below` (the layout places those).
    static func place(_ entries: [LegendEntry], placement: LegendPlacement, context: MarkContext, avoid points: [Point]) -> Rect? {
        guard !entries.isEmpty, placement != .hidden, placement != .below else { return nil }
        if placement == .automatic { return bestInside(entries, context: context, avoid: points).rect }
        let size = measure(entries, canvas: context.canvas, theme: context.theme).box
        let origin = candidates(size: size, plot: context.plot).first { $0.0 == placement }!.1
        return Rect(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }

    /// Draws `entries` in `box` (from `place`) on a white box.
    static func draw(_ entries: [LegendEntry], in box: Rect, canvas: Canvas, theme: Theme) {
        let style = theme.text(theme.tickFontSize)
        let (rowHeight, sizes, _) = measure(entries, canvas: canvas, theme: theme)
        canvas.fill(.rect(box), color: Color.white.withAlpha(0.88))
        canvas.stroke(.rect(box), style: StrokeStyle(width: 0.5, color: Color(hex: 0xB0B0B0)))
        for (k, entry) in entries.enumerated() {
            let top = box.y + pad + Double(k) * (rowHeight + 2)
            let mid = top + rowHeight / 2
            let x0 = box.x + pad
            drawSample(entry, x: x0, y: mid, canvas: canvas)
            canvas.drawText(entry.label, style: style, at: Point(x0 + sampleWidth + gap, mid - sizes[k].height / 2), angle: 0)
        }
    }

    /// Where each entry of a legend set side by side goes when it may be `width` wide: origins relative to
    /// the legend's top-left corner, and the legend's size. Entries wrap onto further rows.
    static func flow(_ entries: [LegendEntry], width: Double, canvas: Canvas, theme: Theme) -> (origins: [Point], size: Size) {
        let (rowHeight, sizes, _) = measure(entries, canvas: canvas, theme: theme)
        var origins: [Point] = [], x = 0.0, y = 0.0, widest = 0.0
        for size in sizes {
            let w = sampleWidth + gap + size.width
            if x > 0 && x + w > width { x = 0; y += rowHeight + 3 }
            origins.append(Point(x, y))
            x += w + flowGap
            widest = max(widest, x - flowGap)
        }
        return (origins, Size(widest, entries.isEmpty ? 0 : y + rowHeight))
    }

    /// Draws a legend set side by side (see `flow`), centred in `frame`, without a box.
    static func drawFlow(_ entries: [LegendEntry], in frame: Rect, canvas: Canvas, theme: Theme) {
        let style = theme.text(theme.tickFontSize)
        let (rowHeight, sizes, _) = measure(entries, canvas: canvas, theme: theme)
        let (origins, size) = flow(entries, width: frame.width, canvas: canvas, theme: theme)
        let left = frame.minX + max(0, (frame.width - size.width) / 2)
        for (k, entry) in entries.enumerated() {
            let x0 = left + origins[k].x, mid = frame.minY + origins[k].y + rowHeight / 2
            drawSample(entry, x: x0, y: mid, canvas: canvas)
            canvas.drawText(entry.label, style: style, at: Point(x0 + sampleWidth + gap, mid - sizes[k].height / 2), angle: 0)
        }
    }

    /// The sample of one entry: its line (or arrow) `sampleWidth` long from `x`, and its marker in the middle.
    static func drawSample(_ entry: LegendEntry, x x0: Double, y mid: Double, canvas: Canvas) {
        let c = entry.style.color
        // A light sample (white on a dark heatmap) gets a dark outline so it shows on the white legend.
        let light = c.lightness > 85
        let edge = light ? Color(hex: 0x555555) : Color.white
        if entry.showsArrow {
            Arrowhead.draw(in: canvas, from: Point(x0, mid), to: Point(x0 + sampleWidth, mid), color: c,
                           width: entry.style.lineWidth, headSize: 6, halo: nil)
        } else if entry.showsLine {
            let line = Path.polyline([Point(x0, mid), Point(x0 + sampleWidth, mid)])
            if light { canvas.stroke(line, style: StrokeStyle(width: entry.style.lineWidth + 1.6, color: edge, cap: .round)) }
            canvas.stroke(line, style: entry.style.stroke)
        }
        if entry.showsMarker {
            entry.style.marker.draw(in: canvas, at: Point(x0 + sampleWidth / 2, mid), size: entry.style.markerSize + 0.5,
                                    color: c, edge: edge)
        }
    }
}
