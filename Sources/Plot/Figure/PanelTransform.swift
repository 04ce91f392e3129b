/// The one data → device transform of a panel. The y-flip (data y grows upwards, device y downwards)
/// lives here and nowhere else.
///
/// ```
/// device x = plot.minX + tₓ(x) · plot.width
/// device y = plot.maxY − t_y(y) · plot.height      t = Scale.normalized
/// ```
public struct PanelTransform: Equatable, Sendable {
    /// The horizontal scale.
    public let x: Scale
    /// The vertical scale.
    public let y: Scale
    /// The plot area in device points.
    public let plot: Rect

    /// A transform mapping `x × y` onto `plot`.
    public init(x: Scale, y: Scale, plot: Rect) { self.x = x; self.y = y; self.plot = plot }

    /// Device x of the data value `v` (NaN when it cannot be placed).
    public func deviceX(_ v: Double) -> Double { plot.minX + x.normalized(v) * plot.width }
    /// Device y of the data value `v` (NaN when it cannot be placed).
    public func deviceY(_ v: Double) -> Double { plot.maxY - y.normalized(v) * plot.height }

    /// The device point of a data point, or nil when either coordinate cannot be placed (NaN, ±∞,
    /// not positive on a log axis).
    public func device(_ p: DataPoint) -> Point? {
        let dx = deviceX(p.x), dy = deviceY(p.y)
        guard dx.isFinite, dy.isFinite else { return nil }
        return Point(dx, dy)
    }

    /// The data point under a device point.
    public func data(_ p: Point) -> DataPoint {
        DataPoint(x.value(at: (p.x - plot.minX) / plot.width), y.value(at: (plot.maxY - p.y) / plot.height))
    }

    /// The device rectangle covering data `[x0, x1] × [y0, y1]`, and whether data row order runs
    /// downwards on the page (true when larger y is higher up, the usual case).
    public func deviceRect(x x0: Double, _ x1: Double, y y0: Double, _ y1: Double) -> (rect: Rect, yUp: Bool, xRight: Bool) {
        let a = deviceX(x0), b = deviceX(x1), c = deviceY(y0), d = deviceY(y1)
        return (Rect(x: Swift.min(a, b), y: Swift.min(c, d), width: abs(b - a), height: abs(d - c)), d < c, b > a)
    }
}

/// Clipping a device-space segment to a rectangle (Liang–Barsky).
enum SegmentClip {
    /// The part of `a → b` inside `r` as parameters (t0, t1) along the segment, or nil when it misses.
    static func clip(_ a: Point, _ b: Point, to r: Rect) -> (Double, Double)? {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        let checks: [(Double, Double)] = [(-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y)]
        for (p, q) in checks {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let t = q / p
                if p < 0 { if t > t1 { return nil }; if t > t0 { t0 = t } } else { if t < t0 { return nil }; if t < t1 { t1 = t } }
            }
        }
        return (t0, t1)
    }

    /// The point at parameter `t` on `a → b`.
    static func lerp(_ a: Point, _ b: Point, _ t: Double) -> Point { Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t) }
}
