import Foundation

/// Contour lines of a surface at chosen levels, with value labels set into gaps in the lines.
///
/// Lines come from `MarchingSquares` (saddles resolved by the cell centre, NaN cells skipped) and are
/// computed once, when the mark is made. Labels go on the longer lines of every few levels, where they
/// overlap neither each other nor other labels in the panel.
public struct Contours: Mark {
    /// The surface.
    public let grid: SurfaceGrid
    /// The levels, ascending.
    public let levels: [Double]
    /// The polylines of every level.
    public let lines: [MarchingSquares.Line]
    /// Line color and width.
    public var stroke: StrokeStyle
    /// Label the lines with their values.
    public var labelled: Bool

    /// Contours of `grid` at `levels`, or at about `count` levels suited to its range when nil
    /// (logarithmic when positive values span three decades or more).
    public init(_ grid: SurfaceGrid, levels: [Double]? = nil, count: Int = 20, spacing: ColorScale.Spacing = .automatic,
                stroke: StrokeStyle = StrokeStyle(width: 0.5, color: Color(hex: 0x1A1A1A, alpha: 0.55)), labelled: Bool = true) {
        self.grid = grid
        let chosen = levels ?? grid.finiteRange.map { ContourLevels.suggest(for: $0, count: count, spacing: spacing) } ?? []
        self.levels = chosen.sorted()
        self.lines = self.levels.flatMap { MarchingSquares.lines(grid, level: $0) }
        self.stroke = stroke; self.labelled = labelled
    }

    /// The grid's extent, shown without padding.
    public var dataBounds: DataBounds? { DataBounds(x: grid.x, y: grid.y, isTight: true) }

    /// The text for a level: up to three significant digits, no trailing zeros ("10", "2.5", "10<sup>−3</sup>").
    func labelText(_ level: Double) -> String { Ticks.compact(level, digits: 3) }

    /// Draws the lines, leaving gaps for labels.
    public func draw(in context: MarkContext) {
        let t = context.transform
        let device: [[Point]] = lines.map { line in line.points.compactMap { t.device($0) } }
        var gaps = [[Rect]](repeating: [], count: lines.count)
        if labelled && !levels.isEmpty {
            let style = context.theme.text(context.theme.annotationFontSize, color: Color(hex: 0x1A1A1A))
            let every = max(1, Int((Double(levels.count) / 7).rounded(.up)))
            let steps = zip(levels.dropFirst(), levels).map { $0 - $1 }
            var labelledLevels = Set(levels.enumerated().filter { $0.offset % every == every / 2 }.map(\.element))
            if let step = steps.first, steps.allSatisfy({ abs($0 - step) <= 1e-9 * max(1, abs(step)) }) {
                // Evenly spaced: label the round values (multiples of a nice coarser step), e.g. 10, 20, 30.
                let round = Ticks.niceStep(step * Double(every))
                let multiples = levels.filter { abs($0 / round - ($0 / round).rounded()) < 1e-6 }
                if !multiples.isEmpty { labelledLevels = Set(multiples) }
            }
            // Longest lines first, so labels go where they read best.
            let order = lines.indices.filter { labelledLevels.contains(lines[$0].level) }
                .sorted { arcLength(device[$0]) > arcLength(device[$1]) || (arcLength(device[$0]) == arcLength(device[$1]) && $0 < $1) }
            var perLevel: [Double: Int] = [:]
            for k in order {
                let level = lines[k].level
                guard perLevel[level, default: 0] < 2 else { continue }
                let text = labelText(level)
                let size = context.canvas.measureText(text, style: style)
                let length = arcLength(device[k])
                guard length > 3 * size.width else { continue }
                for fraction in [0.5, 0.25, 0.75, 0.1, 0.9, 0.4, 0.6] {
                    guard let c = point(along: device[k], at: fraction * length) else { continue }
                    let r = Rect(x: c.x - size.width / 2, y: c.y - size.height / 2, width: size.width, height: size.height)
                    let padded = r.inset(by: -2)
                    guard context.isFree(padded) else { continue }
                    context.reserve(padded)
                    gaps[k].append(r.inset(by: -1))
                    context.canvas.drawText(text, style: style, at: Point(r.x, r.y), angle: 0)
                    perLevel[level, default: 0] += 1
                    break
                }
            }
        }
        for (k, pts) in device.enumerated() where pts.count >= 2 {
            var run: [Point] = []
            let closed = lines[k].isClosed && gaps[k].isEmpty
            for p in pts {
                if gaps[k].contains(where: { $0.contains(p) }) {
                    if run.count >= 2 { context.canvas.stroke(.polyline(run), style: stroke) }
                    run = []
                } else {
                    run.append(p)
                }
            }
            if lines[k].isClosed && !gaps[k].isEmpty, let first = pts.first, !gaps[k].contains(where: { $0.contains(first) }) {
                run.append(first)
            }
            guard run.count >= 2 else { continue }
            var path = Path.polyline(run)
            if closed { path.close() }
            context.canvas.stroke(path, style: stroke)
        }
    }

    private func arcLength(_ pts: [Point]) -> Double {
        var s = 0.0
        for (a, b) in zip(pts, pts.dropFirst()) { s += hypot(b.x - a.x, b.y - a.y) }
        return s
    }

    private func point(along pts: [Point], at distance: Double) -> Point? {
        var s = 0.0
        for (a, b) in zip(pts, pts.dropFirst()) {
            let d = hypot(b.x - a.x, b.y - a.y)
            if s + d >= distance, d > 0 { return SegmentClip.lerp(a, b, (distance - s) / d) }
            s += d
        }
        return pts.last
    }
}
