/// Something drawn inside a panel's plot area: a heatmap, contour lines, a path, a line, points.
///
/// Marks hold data coordinates and convert them with the context's `PanelTransform`; they never see
/// a backend. `Sendable`, as the drawables that hold them are.
public protocol Mark: Sendable {
    /// The data extent the mark wants visible, or nil when it adapts to the axes (reference lines).
    var dataBounds: DataBounds? { get }
    /// Entries this mark adds to the panel legend.
    var legendEntries: [LegendEntry] { get }
    /// Draws the mark; the canvas is clipped to the plot area.
    func draw(in context: MarkContext)
    /// Device points where the mark's data lie, so the legend can avoid covering them.
    func occupiedPoints(in context: MarkContext) -> [Point]
    /// Whether the mark draws something under every mark's lines (see `drawUnderlay`).
    var hasUnderlay: Bool { get }
    /// Draws what lies under the lines of every mark from this one on (a path's halo), so that one
    /// path's halo never covers another path's line.
    func drawUnderlay(in context: MarkContext)
}

extension Mark {
    /// No underlay by default.
    public var hasUnderlay: Bool { false }
    /// Nothing under the lines by default.
    public func drawUnderlay(in context: MarkContext) {}
    /// No legend entries by default.
    public var legendEntries: [LegendEntry] { [] }
    /// No points to avoid by default.
    public func occupiedPoints(in context: MarkContext) -> [Point] { [] }
}

/// The data extent of a mark along x and y (either may be unknown).
public struct DataBounds: Equatable, Sendable {
    /// Horizontal extent.
    public var x: ClosedRange<Double>?
    /// Vertical extent.
    public var y: ClosedRange<Double>?
    /// Tight bounds (a heatmap or matrix) are shown without padding.
    public var isTight: Bool

    /// Bounds from the two extents.
    public init(x: ClosedRange<Double>?, y: ClosedRange<Double>?, isTight: Bool = false) {
        self.x = x; self.y = y; self.isTight = isTight
    }

    /// The finite extent of `points`, or nil when none is finite.
    public init?(points: [DataPoint]) {
        var x0 = Double.infinity, x1 = -Double.infinity, y0 = Double.infinity, y1 = -Double.infinity
        for p in points where p.isFinite {
            x0 = Swift.min(x0, p.x); x1 = Swift.max(x1, p.x); y0 = Swift.min(y0, p.y); y1 = Swift.max(y1, p.y)
        }
        guard x0 <= x1 else { return nil }
        self.init(x: x0...x1, y: y0...y1)
    }

    /// The smallest range containing both.
    static func union(_ a: ClosedRange<Double>?, _ b: ClosedRange<Double>?) -> ClosedRange<Double>? {
        guard let a = a else { return b }
        guard let b = b else { return a }
        return Swift.min(a.lowerBound, b.lowerBound)...Swift.max(a.upperBound, b.upperBound)
    }
}

/// What a mark draws with: the canvas, the panel's transform, the theme, and the labels placed so far
/// (so annotations from different marks do not overlap).
public final class MarkContext {
    /// The canvas, clipped to the plot area while marks draw.
    public let canvas: Canvas
    /// The panel's single data → device transform.
    public let transform: PanelTransform
    /// Fonts and colors.
    public let theme: Theme
    /// Device rectangles already taken by labels in this panel.
    public private(set) var occupiedLabels: [Rect] = []
    /// Device points on the panel's paths and lines (from every mark's `occupiedPoints`), which labels
    /// keep clear of.
    public var obstacles: [Point] = []
    /// The color drawn under a device point by the panel's surface (its heatmap), for halos that
    /// contrast with it; nil when the panel has none.
    public var background: ((Point) -> Color)?

    /// A context for drawing into `transform.plot` on `canvas`.
    public init(canvas: Canvas, transform: PanelTransform, theme: Theme) {
        self.canvas = canvas; self.transform = transform; self.theme = theme
    }

    /// The plot area in device points.
    public var plot: Rect { transform.plot }

    /// Whether `rect` is free: inside the plot area and clear of every placed label.
    public func isFree(_ rect: Rect) -> Bool {
        guard rect.minX >= plot.minX + 1, rect.maxX <= plot.maxX - 1, rect.minY >= plot.minY + 1, rect.maxY <= plot.maxY - 1
        else { return false }
        return !occupiedLabels.contains { $0.intersects(rect) }
    }

    /// Whether `rect` is free (see `isFree`) and covers none of the `obstacles`.
    public func isClear(_ rect: Rect) -> Bool {
        isFree(rect) && !obstacles.contains { rect.contains($0) }
    }

    /// The distance from `p` to the nearest obstacle (infinity when there are none).
    public func distanceToObstacles(_ p: Point) -> Double {
        var best = Double.infinity
        for q in obstacles {
            let dx = q.x - p.x, dy = q.y - p.y
            best = Swift.min(best, dx * dx + dy * dy)
        }
        return best.squareRoot()
    }

    /// The halo color for a line of color `line` drawn over device point `p`: contrasting with the
    /// surface there (see `Color.halo(for:)`), white when there is none.
    public func halo(at p: Point, line: Color) -> Color {
        background.map { $0(p).halo(for: line) } ?? Color.white.withAlpha(0.9)
    }

    /// Records `rect` as taken by a label.
    public func reserve(_ rect: Rect) { occupiedLabels.append(rect) }

    /// Draws `markup` at the first candidate top-left origin where it fits free, on a translucent white
    /// box so it reads on any background; returns the rectangle used, or nil when nothing fitted. With
    /// `preferClear`, a candidate that also covers no obstacle (path) is taken first.
    @discardableResult
    public func placeLabel(_ markup: String, style: TextStyle, candidates: [Point], box: Bool = true,
                           preferClear: Bool = false) -> Rect? {
        let size = canvas.measureText(markup, style: style)
        let rects = candidates.map { Rect(x: $0.x, y: $0.y, width: size.width, height: size.height) }
        let chosen = (preferClear ? rects.first { isClear($0.inset(by: -1.5)) } : nil) ?? rects.first { isFree($0.inset(by: -1.5)) }
        guard let r = chosen else { return nil }
        let padded = r.inset(by: -1.5)
        reserve(padded)
        if box { canvas.fill(.rect(padded), color: Color.white.withAlpha(0.8)) }
        canvas.drawText(markup, style: style, at: Point(r.x, r.y), angle: 0)
        return r
    }
}

extension Rect {
    /// Whether the two rectangles overlap with positive area.
    func intersects(_ o: Rect) -> Bool { minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY }
}
