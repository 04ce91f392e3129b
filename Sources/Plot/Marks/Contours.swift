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
        self.lines = MarchingSquares.lines(grid, levels: self.levels).flatMap { $0 }
        self.stroke = stroke; self.labelled = labelled
    }

    /// The grid's extent, shown without padding.
    public var dataBounds: DataBounds? { DataBounds(x: grid.x, y: grid.y, isTight: true) }

    /// The text of every labelled level, set like tick labels (see `Ticks.levelLabel`): evenly spaced
    /// levels share the decimals of their spacing, logarithmic ones are each set by their own size.
    static func labelTexts(_ labelled: [Double]) -> [Double: String] {
        let sorted = labelled.sorted()
        let steps = zip(sorted.dropFirst(), sorted).map { $0 - $1 }
        let even = steps.first.map { s in steps.allSatisfy { abs($0 - s) <= 1e-9 * max(1, abs(s)) } } ?? true
        let step: Double? = even ? (steps.first ?? Swift.max(abs(sorted.first ?? 1), 1e-300)) : nil
        let largest = sorted.map(abs).max() ?? 1
        var out: [Double: String] = [:]
        for v in sorted { out[v] = Ticks.levelLabel(v, step: step, largest: largest) }
        return out
    }

    /// Device points closer than this to the last kept point of a line are dropped: marching squares
    /// gives a point per grid cell (often under a pixel apart), and a 1-pt chord of a contour is off the
    /// true curve by far less than a pixel at any resolution steptrace writes.
    static let minimumSpacing = 1.0
    /// A kept segment stays within this distance (in points) of every point it replaces: 0.15 px in a
    /// 1600-px PNG of a 540-pt page, well under what antialiasing can show.
    static let chordTolerance = 0.05

    /// Draws the lines, leaving gaps for labels.
    public func draw(in context: MarkContext) {
        let t = context.transform
        // Labels and their gaps are placed on every point; only the strokes are thinned.
        let device: [[Point]] = lines.map { line in line.points.compactMap { t.device($0) } }
        var gaps = [[Rect]](repeating: [], count: lines.count)
        if labelled && !levels.isEmpty {
            placeLabels(device: device, gaps: &gaps, context: context)
        }
        for (k, pts) in device.enumerated() where pts.count >= 2 {
            var run: [Point] = []
            let closed = lines[k].isClosed && gaps[k].isEmpty
            for p in pts {
                if gaps[k].contains(where: { $0.contains(p) }) {
                    if run.count >= 2 { context.canvas.stroke(.polyline(Contours.thinned(run, spacing: Contours.minimumSpacing)), style: stroke) }
                    run = []
                } else {
                    run.append(p)
                }
            }
            if lines[k].isClosed && !gaps[k].isEmpty, let first = pts.first, !gaps[k].contains(where: { $0.contains(first) }) {
                run.append(first)
            }
            guard run.count >= 2 else { continue }
            var path = Path.polyline(Contours.thinned(run, spacing: Contours.minimumSpacing))
            if closed { path.close() }
            context.canvas.stroke(path, style: stroke)
        }
    }

    /// The levels that get labels: every few levels (about 7 labelled), or for evenly spaced levels
    /// the round values among them (multiples of a nice coarser step, e.g. 10, 20, 30).
    func labelledLevels() -> Set<Double> {
        let every = max(1, Int((Double(levels.count) / 7).rounded(.up)))
        let steps = zip(levels.dropFirst(), levels).map { $0 - $1 }
        var chosen = Set(levels.enumerated().filter { $0.offset % every == every / 2 }.map(\.element))
        if let step = steps.first, steps.allSatisfy({ abs($0 - step) <= 1e-9 * max(1, abs(step)) }) {
            let round = Ticks.niceStep(step * Double(every))
            let multiples = levels.filter { abs($0 / round - ($0 / round).rounded()) < 1e-6 }
            if !multiples.isEmpty { chosen = Set(multiples) }
        }
        return chosen
    }

    /// Sets value labels into the longer lines, at most two per level: each where it is farthest from
    /// the panel's edges and paths, at least 4 pt inside the plot, clear of every path and label. A
    /// label that fits nowhere is left out.
    private func placeLabels(device: [[Point]], gaps: inout [[Rect]], context: MarkContext) {
        let style = context.theme.text(context.theme.annotationFontSize, color: Color(hex: 0x1A1A1A))
        let chosen = labelledLevels()
        let texts = Contours.labelTexts(Array(chosen))
        let plot = context.plot, margin = 4.0
        // Only the labelled levels' lines are measured. Longest lines first, so labels go where they read best.
        var lengths = [Double](repeating: 0, count: lines.count)
        for k in lines.indices where chosen.contains(lines[k].level) { lengths[k] = arcLength(device[k]) }
        let order = lines.indices.filter { chosen.contains(lines[$0].level) }
            .sorted { lengths[$0] > lengths[$1] || (lengths[$0] == lengths[$1] && $0 < $1) }
        var placed: [Double: [Point]] = [:]
        for k in order {
            let level = lines[k].level
            guard placed[level, default: []].count < 2, let text = texts[level] else { continue }
            let size = context.canvas.measureText(text, style: style)
            let length = lengths[k]
            guard length > 3 * size.width else { continue }
            var best: (rect: Rect, score: Double)? = nil
            // 23 candidates spread along the line, found in one walk along it.
            for c in points(along: device[k], at: (1..<24).map { Double($0) / 24 * length }) {
                let r = Rect(x: c.x - size.width / 2, y: c.y - size.height / 2, width: size.width, height: size.height)
                let padded = r.inset(by: -2)
                guard padded.minX >= plot.minX + margin, padded.maxX <= plot.maxX - margin,
                      padded.minY >= plot.minY + margin, padded.maxY <= plot.maxY - margin,
                      context.isClear(padded.inset(by: -1)),
                      placed[level, default: []].allSatisfy({ hypot($0.x - c.x, $0.y - c.y) > 80 }) else { continue }
                let edge = min(padded.minX - plot.minX, plot.maxX - padded.maxX, padded.minY - plot.minY, plot.maxY - padded.maxY)
                let score = min(edge, context.distanceToObstacles(c) - size.width / 2, 40)
                if best == nil || score > best!.score + 0.5 { best = (r, score) }
            }
            guard let (r, _) = best else { continue }
            context.reserve(r.inset(by: -2))
            gaps[k].append(r.inset(by: -1))
            context.canvas.drawText(text, style: style, at: Point(r.x, r.y), angle: 0)
            placed[level, default: []].append(Point(r.midX, r.midY))
        }
    }

    /// `points` as few as still draw the same line: points closer than `spacing` to the previously kept
    /// one are dropped, then every point that lies within `tolerance` of the chord between its kept
    /// neighbours. The first and the last point are always kept, so runs still end exactly at label
    /// gaps and closed lines still close.
    ///
    /// ```
    /// keep pᵢ … pⱼ as one segment while  max  dist(pₖ, segment pᵢpⱼ) ≤ tolerance
    ///                                  i<k<j
    /// ```
    static func thinned(_ points: [Point], spacing: Double, tolerance: Double = Contours.chordTolerance) -> [Point] {
        guard points.count > 2 else { return points }
        var spaced: [Point] = []
        spaced.reserveCapacity(points.count)
        let limit = spacing * spacing
        var last = points[0]
        spaced.append(last)
        for p in points[1..<(points.count - 1)] {
            let dx = p.x - last.x, dy = p.y - last.y
            if dx * dx + dy * dy >= limit { spaced.append(p); last = p }
        }
        spaced.append(points[points.count - 1])
        guard tolerance > 0, spaced.count > 2 else { return spaced }
        var out: [Point] = [spaced[0]]
        let n = spaced.count
        var anchor = 0, end = 1
        while end < n - 1 {
            // Try to stretch the segment from the anchor one point further; give up after 64 points
            // so a long straight run costs linear time.
            let next = end + 1
            var fits = next - anchor <= 64
            if fits {
                for k in (anchor + 1)..<next where Contours.distance(spaced[k], spaced[anchor], spaced[next]) > tolerance {
                    fits = false
                    break
                }
            }
            if fits {
                end = next
            } else {
                out.append(spaced[end])
                anchor = end
                end = anchor + 1
            }
        }
        out.append(spaced[n - 1])
        return out
    }

    /// The distance from `p` to the segment `a`–`b`.
    static func distance(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let vx = b.x - a.x, vy = b.y - a.y, wx = p.x - a.x, wy = p.y - a.y
        let length2 = vx * vx + vy * vy
        let t = length2 > 0 ? Swift.min(1, Swift.max(0, (wx * vx + wy * vy) / length2)) : 0
        return hypot(wx - t * vx, wy - t * vy)
    }

    private func arcLength(_ pts: [Point]) -> Double {
        var s = 0.0
        for (a, b) in zip(pts, pts.dropFirst()) { s += hypot(b.x - a.x, b.y - a.y) }
        return s
    }

    /// The points at the given distances (ascending) along `pts`, in one walk.
    private func points(along pts: [Point], at distances: [Double]) -> [Point] {
        var out: [Point] = []
        out.reserveCapacity(distances.count)
        var s = 0.0, next = 0
        for (a, b) in zip(pts, pts.dropFirst()) where next < distances.count {
            let d = hypot(b.x - a.x, b.y - a.y)
            while next < distances.count, s + d >= distances[next], d > 0 {
                out.append(SegmentClip.lerp(a, b, (distances[next] - s) / d))
                next += 1
            }
            s += d
        }
        return out
    }
}
