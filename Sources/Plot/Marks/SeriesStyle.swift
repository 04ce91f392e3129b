import Foundation

/// How a series (a path, a line or a set of points) looks: color, line, dashes and marker shape.
///
/// Runs in one panel should differ in dash and marker as well as color, so they stay apart in grayscale.
public struct SeriesStyle: Equatable, Sendable {
    /// Line and marker color.
    public var color: Color
    /// Line width in points.
    public var lineWidth: Double
    /// Dash pattern in points; empty for solid.
    public var dash: [Double]
    /// Marker drawn at points or steps.
    public var marker: MarkerShape
    /// Marker size (diameter) in points.
    public var markerSize: Double
    /// Draw a white outline under lines and markers so they stand out on a heatmap.
    public var halo: Bool

    /// A style; defaults give a solid 1.2 pt line with 4.5 pt circle markers.
    public init(color: Color, lineWidth: Double = 1.2, dash: [Double] = [], marker: MarkerShape = .circle,
                markerSize: Double = 4.5, halo: Bool = false) {
        self.color = color; self.lineWidth = lineWidth; self.dash = dash; self.marker = marker
        self.markerSize = markerSize; self.halo = halo
    }

    /// Colors for runs, over a loss surface and in line charts alike: colour-blind safe (Okabe–Ito vermillion, Paul Tol's
    /// high-contrast dark blue and ochre, then black), and the first four differ in grayscale by at
    /// least 18 L*, so printed runs stay apart: vermillion 54, dark blue 29, ochre 72, black 0.
    public static let surfacePalette: [Color] = [
        Color(hex: 0xD55E00), Color(hex: 0x004488), Color(hex: 0xDDAA33), Color(hex: 0x000000),
        Color(hex: 0x88CCEE), Color(hex: 0x117733), Color(hex: 0xAA4499),
    ]
    private static let surfaceDashes: [[Double]] = [[], [6, 2.5], [2, 2], [7, 2.5, 1.5, 2.5], [], [6, 2.5], [2, 2]]
    private static let markers: [MarkerShape] = [.circle, .square, .triangle, .diamond, .triangleDown, .cross, .plus]

    /// The `index`-th style for a line chart: the color, dash and marker of `onSurface(index)`, so a run
    /// looks the same in a lesson's loss curves as on its surface, with a 1.2 pt line and no halo.
    public static func cycle(_ index: Int) -> SeriesStyle {
        let k = ((index % surfacePalette.count) + surfacePalette.count) % surfacePalette.count
        return SeriesStyle(color: surfacePalette[k], dash: surfaceDashes[k], marker: markers[k])
    }

    /// The `index`-th style for a path over a surface: its own color, marker shape and dash, a 1.5 pt line
    /// and a halo that contrasts with the surface under it.
    public static func onSurface(_ index: Int) -> SeriesStyle {
        let k = ((index % surfacePalette.count) + surfacePalette.count) % surfacePalette.count
        return SeriesStyle(color: surfacePalette[k], lineWidth: 1.5, dash: surfaceDashes[k], marker: markers[k],
                           markerSize: 5, halo: true)
    }

    /// The glyph of a known minimum (a problem's expected answer): a black crosshair.
    public static let expected = SeriesStyle(color: Color(hex: 0x000000), marker: .crosshair, markerSize: 11)

    /// The stroke for this style's line.
    var stroke: StrokeStyle { StrokeStyle(width: lineWidth, color: color, dash: dash, cap: .round, join: .round) }
    /// The white outline drawn under the line when `halo` is set.
    var haloStroke: StrokeStyle { haloStroke(Color.white.withAlpha(0.85)) }
    /// An outline in `color` drawn under the line: 0.9 pt either side of it.
    func haloStroke(_ color: Color) -> StrokeStyle {
        StrokeStyle(width: lineWidth + 1.8, color: color, cap: .round, join: .round)
    }
}

/// A marker glyph. Filled shapes get a thin white edge; `cross` and `plus` are stroked.
public enum MarkerShape: String, Equatable, Sendable, CaseIterable {
    case circle, square, triangle, triangleDown, diamond, cross, plus, star
    /// A white disc in a ring of the color: where a path starts.
    case ring
    /// A ring with four ticks pointing in: a known minimum.
    case crosshair
    case none

    /// The glyph's outline centred on `c` with overall size `size` (points).
    public func path(at c: Point, size: Double) -> Path {
        let r = size / 2
        switch self {
        case .circle: return .circle(center: c, radius: r)
        case .square:
            let s = r * 0.88
            return .rect(Rect(x: c.x - s, y: c.y - s, width: 2 * s, height: 2 * s))
        case .triangle, .triangleDown:
            let k = self == .triangle ? 1.0 : -1.0, s = r * 1.15
            var p = Path()
            p.move(to: Point(c.x, c.y - k * s)); p.line(to: Point(c.x + s * 0.866, c.y + k * s * 0.5))
            p.line(to: Point(c.x - s * 0.866, c.y + k * s * 0.5)); p.close()
            return p
        case .diamond:
            let s = r * 1.2
            var p = Path()
            p.move(to: Point(c.x, c.y - s)); p.line(to: Point(c.x + s * 0.75, c.y))
            p.line(to: Point(c.x, c.y + s)); p.line(to: Point(c.x - s * 0.75, c.y)); p.close()
            return p
        case .cross:
            var p = Path()
            p.move(to: Point(c.x - r, c.y - r)); p.line(to: Point(c.x + r, c.y + r))
            p.move(to: Point(c.x - r, c.y + r)); p.line(to: Point(c.x + r, c.y - r))
            return p
        case .plus:
            var p = Path()
            p.move(to: Point(c.x - r, c.y)); p.line(to: Point(c.x + r, c.y))
            p.move(to: Point(c.x, c.y - r)); p.line(to: Point(c.x, c.y + r))
            return p
        case .star:
            var p = Path()
            for k in 0..<10 {
                let radius = k % 2 == 0 ? r * 1.3 : r * 0.55
                let a = -Double.pi / 2 + Double(k) * Double.pi / 5
                let q = Point(c.x + radius * cos(a), c.y + radius * sin(a))
                if k == 0 { p.move(to: q) } else { p.line(to: q) }
            }
            p.close()
            return p
        case .ring: return .circle(center: c, radius: r)
        case .crosshair:
            var p = Path.circle(center: c, radius: r * 0.62)
            for (dx, dy) in [(1.0, 0.0), (-1, 0), (0, 1), (0, -1)] {
                p.move(to: Point(c.x + dx * r * 0.25, c.y + dy * r * 0.25)); p.line(to: Point(c.x + dx * r * 1.1, c.y + dy * r * 1.1))
            }
            return p
        case .none: return Path()
        }
    }

    /// Whether the glyph is drawn by stroking rather than filling.
    public var isStroked: Bool { self == .cross || self == .plus || self == .crosshair }

    /// Draws the glyph at `c` in `color`, with a thin `edge` outline for filled shapes.
    public func draw(in canvas: Canvas, at c: Point, size: Double, color: Color, edge: Color? = .white) {
        guard self != .none else { return }
        let p = path(at: c, size: size)
        if self == .ring {
            canvas.fill(p, color: .white)
            canvas.stroke(p, style: StrokeStyle(width: 1.6, color: color))
        } else if isStroked {
            if let e = edge { canvas.stroke(p, style: StrokeStyle(width: 2.6, color: e.withAlpha(0.9), cap: .round)) }
            canvas.stroke(p, style: StrokeStyle(width: 1.2, color: color, cap: .round))
        } else {
            canvas.fill(p, color: color)
            if let e = edge { canvas.stroke(p, style: StrokeStyle(width: 0.5, color: e)) }
        }
    }
}
