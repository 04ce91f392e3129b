/// A vector path in device space, built from move, line, cubic curve and close elements.
public struct Path: Equatable, Sendable {
    /// One drawing instruction of a path.
    public enum Element: Equatable, Sendable {
        /// Starts a new subpath at the point.
        case move(Point)
        /// A straight segment to the point.
        case line(Point)
        /// A cubic Bézier: first control point, second control point, end point.
        case curve(Point, Point, Point)
        /// A straight segment back to the subpath's start, closing it.
        case close
    }
    /// The instructions in drawing order.
    public private(set) var elements: [Element] = []

    /// An empty path.
    public init() {}

    /// Starts a new subpath at `p`.
    public mutating func move(to p: Point) { elements.append(.move(p)) }
    /// Adds a straight segment to `p`.
    public mutating func line(to p: Point) { elements.append(.line(p)) }
    /// Adds a cubic Bézier to `p` through the two control points.
    public mutating func curve(to p: Point, control1: Point, control2: Point) { elements.append(.curve(control1, control2, p)) }
    /// Closes the current subpath.
    public mutating func close() { elements.append(.close) }

    /// A closed rectangle.
    public static func rect(_ r: Rect) -> Path {
        var p = Path()
        p.move(to: Point(r.minX, r.minY)); p.line(to: Point(r.maxX, r.minY))
        p.line(to: Point(r.maxX, r.maxY)); p.line(to: Point(r.minX, r.maxY)); p.close()
        return p
    }

    /// A circle approximated by four cubic Béziers.
    public static func circle(center c: Point, radius r: Double) -> Path {
        let k = 0.5522847498 * r
        var p = Path()
        p.move(to: Point(c.x + r, c.y))
        p.curve(to: Point(c.x, c.y + r), control1: Point(c.x + r, c.y + k), control2: Point(c.x + k, c.y + r))
        p.curve(to: Point(c.x - r, c.y), control1: Point(c.x - k, c.y + r), control2: Point(c.x - r, c.y + k))
        p.curve(to: Point(c.x, c.y - r), control1: Point(c.x - r, c.y - k), control2: Point(c.x - k, c.y - r))
        p.curve(to: Point(c.x + r, c.y), control1: Point(c.x + k, c.y - r), control2: Point(c.x + r, c.y - k))
        p.close()
        return p
    }

    /// An open polyline through `points`.
    public static func polyline(_ points: [Point]) -> Path {
        var p = Path()
        guard let first = points.first else { return p }
        p.move(to: first)
        for q in points.dropFirst() { p.line(to: q) }
        return p
    }
}

/// How a path's outline is drawn.
public struct StrokeStyle: Equatable, Sendable {
    /// How line ends look.
    public enum Cap: Sendable { case butt, round, square }
    /// How corners look.
    public enum Join: Sendable { case miter, round, bevel }
    /// Line width in points.
    public var width: Double
    /// Line color.
    public var color: Color
    /// Dash lengths in points; empty for a solid line.
    public var dash: [Double]
    /// How open ends are drawn.
    public var cap: Cap
    /// How corners are drawn.
    public var join: Join
    /// A stroke; solid, butt ends and mitred corners unless told.
    public init(width: Double = 1, color: Color = .black, dash: [Double] = [], cap: Cap = .butt, join: Join = .miter) {
        self.width = width; self.color = color; self.dash = dash; self.cap = cap; self.join = join
    }
}
