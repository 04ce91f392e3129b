import Foundation

/// An optimizer's path through a 2-D parameter space: a polyline with step markers, start and end glyphs,
/// direction arrows and optional vectors (gradient, velocity) at chosen steps.
///
/// Point k is step `firstStep + k`. NaN and ±∞ points are missing: the line breaks there. A path that
/// ends outside the view is clipped at the panel edge, an arrowhead marks where it left, and a note says
/// "left the view at step k"; nothing after that step is drawn. Long paths are thinned for drawing only (points closer than 0.35 pt to the
/// last kept one are skipped, the start, end and extremes always kept).
public struct Trajectory: Mark {
    /// An arrow drawn from the iterate at `step`, e.g. the negative gradient or the velocity.
    public struct StepArrow: Equatable, Sendable {
        /// The step the arrow starts at.
        public var step: Int
        /// The vector in data units (drawn `scale` times as long).
        public var vector: DataPoint
        /// Length factor applied to `vector`.
        public var scale: Double
        /// Arrow color.
        public var color: Color
        /// An arrow at `step` along `vector × scale`.
        public init(step: Int, vector: DataPoint, scale: Double = 1, color: Color = Color(hex: 0x000000)) {
            self.step = step; self.vector = vector; self.scale = scale; self.color = color
        }
    }

    /// The iterates in data coordinates, one per step.
    public var points: [DataPoint]
    /// The legend label as markup; nil for no legend entry.
    public var label: String?
    /// Color, dash and marker.
    public var style: SeriesStyle
    /// The step number of `points[0]`.
    public var firstStep: Int
    /// At most this many step markers (thinned evenly, start, end and extremes kept).
    public var markerLimit: Int
    /// How many direction arrowheads to place along the path.
    public var directionArrows: Int
    /// Vectors to draw at chosen steps.
    public var stepArrows: [StepArrow]
    /// Draw the start (open circle) and end (star) glyphs.
    public var showsStartAndEnd: Bool

    /// A trajectory through `points`.
    public init(_ points: [DataPoint], label: String? = nil, style: SeriesStyle = .cycle(0), firstStep: Int = 0,
                markerLimit: Int = 40, directionArrows: Int = 3, stepArrows: [StepArrow] = [], showsStartAndEnd: Bool = true) {
        self.points = points; self.label = label; self.style = style; self.firstStep = firstStep
        self.markerLimit = markerLimit; self.directionArrows = directionArrows; self.stepArrows = stepArrows
        self.showsStartAndEnd = showsStartAndEnd
    }

    /// The extent of the finite points.
    public var dataBounds: DataBounds? { DataBounds(points: points) }

    /// A legend entry when `label` is set.
    public var legendEntries: [LegendEntry] { label.map { [LegendEntry(label: $0, style: style)] } ?? [] }

    /// What happened at the end of the path, as seen in the view.
    public enum Ending: Equatable, Sendable {
        /// The last point is visible.
        case inside
        /// The path left the view at this step and did not come back.
        case leftView(step: Int)
        /// The values became NaN or infinite from this step on.
        case nonFinite(step: Int)
    }

    /// How the path ends in `transform`'s view.
    public func ending(in transform: PanelTransform) -> Ending {
        ending(device: points.map { transform.device($0) }, plot: transform.plot)
    }

    private func ending(device: [Point?], plot: Rect) -> Ending {
        guard let lastFinite = device.lastIndex(where: { $0 != nil }) else { return .nonFinite(step: firstStep) }
        if !plot.contains(device[lastFinite]!) {
            var k = lastFinite
            while k > 0, let p = device[k - 1], !plot.contains(p) { k -= 1 }
            return .leftView(step: firstStep + k)
        }
        if lastFinite < device.count - 1 { return .nonFinite(step: firstStep + lastFinite + 1) }
        return .inside
    }

    /// Draws the path, markers, arrows and the ending note.
    public func draw(in context: MarkContext) {
        let t = context.transform, plot = t.plot, canvas = context.canvas
        let device = points.map { t.device($0) }
        guard !device.isEmpty else { return }
        var keep = Thinning.decimate(device, tolerance: 0.35)
        let ending = self.ending(device: device, plot: plot)
        if case .leftView(let step) = ending {
            // Draw up to the first point of the final excursion and no further: straight lines between
            // iterates far outside would cross the view and suggest a path that was never taken.
            let k = step - firstStep
            keep = Array(Set(keep.filter { $0 <= k }).union([k - 1, k].filter { $0 >= 0 && $0 < device.count })).sorted()
        }
        // Visible runs, clipped to the plot.
        var runs: [[Point]] = []
        var run: [Point] = []
        var exit: (point: Point, direction: Point)? = nil
        for (a, b) in zip(keep, keep.dropFirst()) {
            guard let p = device[a], let q = device[b], let (t0, t1) = SegmentClip.clip(p, q, to: plot) else {
                if run.count >= 2 { runs.append(run) }
                run = []
                continue
            }
            let start = SegmentClip.lerp(p, q, t0), end = SegmentClip.lerp(p, q, t1)
            if t0 > 0 || run.isEmpty {
                if run.count >= 2 { runs.append(run) }
                run = [start]
            }
            run.append(end)
            if t1 < 1 {
                exit = (end, Point(q.x - p.x, q.y - p.y))
                if run.count >= 2 { runs.append(run) }
                run = []
            }
        }
        if run.count >= 2 { runs.append(run) }

        if style.halo { for r in runs { canvas.stroke(.polyline(r), style: style.haloStroke) } }
        for r in runs { canvas.stroke(.polyline(r), style: style.stroke) }
        drawDirectionArrows(runs, canvas: canvas)

        let markerSpacing = style.markerSize * 1.3
        for i in Thinning.markerIndices(device, limit: markerLimit, spacing: markerSpacing) {
            guard let p = device[i], plot.contains(p) else { continue }
            style.marker.draw(in: canvas, at: p, size: style.markerSize, color: style.color, edge: .white)
        }
        for arrow in stepArrows {
            let k = arrow.step - firstStep
            guard k >= 0, k < points.count, let from = device[k] else { continue }
            let tipData = DataPoint(points[k].x + arrow.vector.x * arrow.scale, points[k].y + arrow.vector.y * arrow.scale)
            guard let to = t.device(tipData) else { continue }
            Arrowhead.draw(in: canvas, from: from, to: to, color: arrow.color, width: 1.1, headSize: 6, halo: true)
        }
        if showsStartAndEnd {
            if let s = device.first, let start = s, plot.contains(start) {
                let ring = Path.circle(center: start, radius: style.markerSize * 0.9)
                canvas.fill(ring, color: .white)
                canvas.stroke(ring, style: StrokeStyle(width: 1.6, color: style.color))
            }
            if case .inside = ending, let e = device.last, let end = e {
                MarkerShape.star.draw(in: canvas, at: end, size: style.markerSize * 1.6, color: style.color, edge: .white)
            }
        }
        let noteStyle = context.theme.text(context.theme.annotationFontSize)
        switch ending {
        case .inside: break
        case .leftView(let step):
            guard let exit = exit else { break }
            let head = Arrowhead.path(tip: exit.point, direction: exit.direction, size: 9)
            canvas.stroke(head, style: StrokeStyle(width: 2, color: .white, join: .round))
            canvas.fill(head, color: style.color)
            note("left the view at step \(step)", near: exit.point, style: noteStyle, context: context)
        case .nonFinite(let step):
            guard let lastIndex = device.lastIndex(where: { $0 != nil }), let last = device[lastIndex] else { break }
            MarkerShape.cross.draw(in: canvas, at: last, size: 7, color: style.color, edge: .white)
            note("no finite value from step \(step)", near: last, style: noteStyle, context: context)
        }
    }

    /// Places a note near `p`, on the inside of the plot, avoiding other labels.
    private func note(_ text: String, near p: Point, style: TextStyle, context: MarkContext) {
        let size = context.canvas.measureText(text, style: style)
        let plot = context.plot
        let x = min(max(p.x - size.width / 2, plot.minX + 3), plot.maxX - size.width - 3)
        let below = p.y < plot.midY
        let y0 = below ? min(p.y + 8, plot.maxY - size.height - 3) : max(p.y - 8 - size.height, plot.minY + 3)
        let step = (size.height + 3) * (below ? 1 : -1)
        var candidates: [Point] = []
        for k in 0..<8 { candidates.append(Point(x, y0 + Double(k) * step)) }
        for k in 1..<4 { candidates.append(Point(x, y0 - Double(k) * step)) }
        context.placeLabel(text, style: style, candidates: candidates)
    }

    /// Arrowheads at the midpoints of segments spread along the visible path.
    private func drawDirectionArrows(_ runs: [[Point]], canvas: Canvas) {
        guard directionArrows > 0 else { return }
        var segments: [(Point, Point, Double)] = []
        var total = 0.0
        for r in runs {
            for (a, b) in zip(r, r.dropFirst()) {
                let d = hypot(b.x - a.x, b.y - a.y)
                segments.append((a, b, total)); total += d
            }
        }
        guard total > 0 else { return }
        let size = 4 + 2 * style.lineWidth
        var used = Set<Int>()
        for k in 1...directionArrows {
            let target = total * Double(k) / Double(directionArrows + 1)
            // The first long-enough segment at or after the target distance.
            guard let index = segments.indices.first(where: { i in
                let (a, b, s) = segments[i]
                return s + hypot(b.x - a.x, b.y - a.y) >= target && hypot(b.x - a.x, b.y - a.y) >= 3 * size && !used.contains(i)
            }) else { continue }
            used.insert(index)
            let (a, b, _) = segments[index]
            let mid = Point((a.x + b.x) / 2 + (b.x - a.x) / hypot(b.x - a.x, b.y - a.y) * size / 2,
                            (a.y + b.y) / 2 + (b.y - a.y) / hypot(b.x - a.x, b.y - a.y) * size / 2)
            let head = Arrowhead.path(tip: mid, direction: Point(b.x - a.x, b.y - a.y), size: size)
            if style.halo { canvas.stroke(head, style: StrokeStyle(width: 1.5, color: Color.white.withAlpha(0.85), join: .round)) }
            canvas.fill(head, color: style.color)
        }
    }

    /// Up to 300 visible points, so a legend avoids the path.
    public func occupiedPoints(in context: MarkContext) -> [Point] {
        let device = points.compactMap { context.transform.device($0) }.filter { context.plot.contains($0) }
        let stride = max(1, device.count / 300)
        return device.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
    }
}
