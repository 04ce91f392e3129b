import Foundation

/// An optimizer's path through a 2-D parameter space: a polyline with step markers, start and end glyphs,
/// direction arrows and optional vectors (gradient, velocity) at chosen steps.
///
/// Point k is step `firstStep + k`. NaN and ±∞ points are missing: the line breaks there. A path that
/// ends outside the view is clipped at the panel edge, an arrowhead marks where it left, and a note says
/// "left the view at step k"; nothing after that step is drawn. Long paths are thinned for drawing only
/// (points closer than 0.35 pt to the last kept one are skipped, the start, end and extremes always
/// kept). A path whose drawn length is far more than its panel can show (an oscillation) is drawn every
/// few steps between its first steps and its end, and a note in the panel says which steps were thinned.
/// Step markers are spaced by distance along the path, not by step.
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
    /// At most about this many step markers.
    public var markerLimit: Int
    /// How many direction arrowheads to place along the path.
    public var directionArrows: Int
    /// Vectors to draw at chosen steps.
    public var stepArrows: [StepArrow]
    /// Draw the start (open circle) and end (star) glyphs.
    public var showsStartAndEnd: Bool
    /// Thin a path too dense for its panel (see the type's description).
    public var thinsDensePaths: Bool
    /// A legend entry for `stepArrows` (what they show and their scale), e.g. `"−∇f × 0.05 at steps 0, 10"`.
    public var arrowLabel: String?

    /// A trajectory through `points`.
    public init(_ points: [DataPoint], label: String? = nil, style: SeriesStyle = .cycle(0), firstStep: Int = 0,
                markerLimit: Int = 40, directionArrows: Int = 3, stepArrows: [StepArrow] = [], showsStartAndEnd: Bool = true,
                thinsDensePaths: Bool = true) {
        self.points = points; self.label = label; self.style = style; self.firstStep = firstStep
        self.markerLimit = markerLimit; self.directionArrows = directionArrows; self.stepArrows = stepArrows
        self.showsStartAndEnd = showsStartAndEnd; self.thinsDensePaths = thinsDensePaths
    }

    /// The extent of the finite points.
    public var dataBounds: DataBounds? { DataBounds(points: points) }

    /// A legend entry when `label` is set, and one for the arrows when `arrowLabel` is.
    public var legendEntries: [LegendEntry] {
        var entries = label.map { [LegendEntry(label: $0, style: style)] } ?? []
        if let text = arrowLabel, let arrow = stepArrows.first {
            let arrowStyle = SeriesStyle(color: arrow.color, lineWidth: 1.3, marker: .none)
            entries.append(LegendEntry(label: text, style: arrowStyle, showsMarker: false, showsArrow: true))
        }
        return entries
    }

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

    /// The drawn length, in points, past which a path in a `plot`-sized panel is thinned: four times the
    /// panel's width plus height, about what a page can show before lines merge into a smear.
    public static func inkBudget(_ plot: Rect) -> Double { 4 * (plot.width + plot.height) }

    /// What of the path is drawn in a panel.
    struct Plan {
        /// Every point in device space (nil where missing).
        var device: [Point?]
        /// Indices drawn.
        var keep: [Int]
        /// The visible runs, clipped to the plot.
        var runs: [[Point]]
        /// Where and in which direction the path left the view, if it did.
        var exit: (point: Point, direction: Point)?
        var ending: Ending
        /// The stretch drawn every few steps, if the path was too dense.
        var stride: Thinning.Stride?
    }

    /// The points, runs and thinning of the path in `t`'s view.
    func plan(_ t: PanelTransform) -> Plan {
        let plot = t.plot
        let device = points.map { t.device($0) }
        var keep = Thinning.decimate(device, tolerance: 0.35)
        let ending = self.ending(device: device, plot: plot)
        if case .leftView(let step) = ending {
            // Draw up to the first point of the final excursion and no further: straight lines between
            // iterates far outside would cross the view and suggest a path that was never taken.
            let k = step - firstStep
            keep = Array(Set(keep.filter { $0 <= k }).union([k - 1, k].filter { $0 >= 0 && $0 < device.count })).sorted()
        }
        var stride: Thinning.Stride? = nil
        if thinsDensePaths, let thinned = Thinning.stride(device, indices: keep, budget: Trajectory.inkBudget(plot), clip: plot) {
            keep = thinned.indices; stride = thinned.stride
        }
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
        return Plan(device: device, keep: keep, runs: runs, exit: exit, ending: ending, stride: stride)
    }

    /// Draws the path, markers, arrows and the notes (the halo is drawn by `drawUnderlay`).
    public func draw(in context: MarkContext) {
        let t = context.transform, plot = t.plot, canvas = context.canvas
        let plan = self.plan(t)
        let device = plan.device
        guard !device.isEmpty else { return }

        for r in plan.runs { canvas.stroke(.polyline(r), style: style.stroke) }
        drawDirectionArrows(plan.runs, context: context)

        let spacing = max(style.markerSize * 2.4, Thinning.arcLength(device, indices: plan.keep) / Double(max(1, markerLimit)))
        let lastShown = plan.keep.last
        for i in Thinning.arcLengthMarkers(device, indices: plan.keep, spacing: spacing) {
            guard let p = device[i], plot.contains(p) else { continue }
            // The end gets its star instead.
            if showsStartAndEnd && (i == 0 || (i == lastShown && plan.ending == .inside)) { continue }
            style.marker.draw(in: canvas, at: p, size: style.markerSize, color: style.color, edge: context.halo(at: p, line: style.color).withAlpha(1))
        }
        for arrow in stepArrows {
            let k = arrow.step - firstStep
            guard k >= 0, k < points.count, let from = device[k] else { continue }
            let tipData = DataPoint(points[k].x + arrow.vector.x * arrow.scale, points[k].y + arrow.vector.y * arrow.scale)
            guard let to = t.device(tipData) else { continue }
            Arrowhead.draw(in: canvas, from: from, to: to, color: arrow.color, width: 1.3, headSize: 7, halo: context.halo(at: to, line: arrow.color))
        }
        if showsStartAndEnd {
            if let s = device.first, let start = s, plot.contains(start) {
                MarkerShape.ring.draw(in: canvas, at: start, size: style.markerSize * 1.8, color: style.color)
            }
            if case .inside = plan.ending, let e = device.last, let end = e {
                MarkerShape.star.draw(in: canvas, at: end, size: style.markerSize * 1.7, color: style.color,
                                      edge: context.halo(at: end, line: style.color).withAlpha(1))
            }
        }
        let noteStyle = context.theme.text(context.theme.annotationFontSize)
        let who = label.map { "\($0): " } ?? ""
        switch plan.ending {
        case .inside: break
        case .leftView(let step):
            guard let exit = plan.exit else { break }
            let head = Arrowhead.path(tip: exit.point, direction: exit.direction, size: 9)
            canvas.stroke(head, style: StrokeStyle(width: 2, color: .white, join: .round))
            canvas.fill(head, color: style.color)
            note("\(who)left the view at step \(step)", near: exit.point, style: noteStyle, context: context)
        case .nonFinite(let step):
            guard let lastIndex = device.lastIndex(where: { $0 != nil }), let last = device[lastIndex] else { break }
            MarkerShape.cross.draw(in: canvas, at: last, size: 7, color: style.color, edge: .white)
            note("\(who)no finite value from step \(step)", near: last, style: noteStyle, context: context)
        }
        if let s = plan.stride {
            let text = "\(who)steps \(firstStep + s.from)–\(firstStep + s.to) drawn every \(ordinal(s.stride))"
            let size = context.canvas.measureText(text, style: noteStyle)
            context.placeLabel(text, style: noteStyle, candidates: [
                Point(plot.minX + 4, plot.maxY - size.height - 4), Point(plot.maxX - size.width - 4, plot.maxY - size.height - 4),
                Point(plot.minX + 4, plot.minY + 4), Point(plot.maxX - size.width - 4, plot.minY + 4),
                Point(plot.midX - size.width / 2, plot.maxY - size.height - 4), Point(plot.midX - size.width / 2, plot.minY + 4),
            ], preferClear: true)
        }
    }

    /// "3rd", "5th", "21st".
    private func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (1, let h) where h != 11: suffix = "st"
        case (2, let h) where h != 12: suffix = "nd"
        case (3, let h) where h != 13: suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix) step"
    }

    /// A path with `style.halo` draws its halo as an underlay.
    public var hasUnderlay: Bool { style.halo }

    /// The halo under the drawn path, in pieces at most 8 pt long, each contrasting with the surface under it.
    public func drawUnderlay(in context: MarkContext) {
        guard style.halo else { return }
        for r in plan(context.transform).runs {
            var piece: [Point] = [], color: Color? = nil
            func flush() {
                if piece.count >= 2, let c = color { context.canvas.stroke(.polyline(piece), style: style.haloStroke(c)) }
            }
            for (a, b) in zip(r, r.dropFirst()) {
                let n = max(1, Int((hypot(b.x - a.x, b.y - a.y) / 8).rounded(.up)))
                for k in 0..<n {
                    let p = SegmentClip.lerp(a, b, Double(k) / Double(n)), q = SegmentClip.lerp(a, b, Double(k + 1) / Double(n))
                    let c = context.halo(at: Point((p.x + q.x) / 2, (p.y + q.y) / 2), line: style.color)
                    if c != color {
                        flush()
                        piece = [p]; color = c
                    }
                    if piece.isEmpty { piece = [p] }
                    piece.append(q)
                }
            }
            flush()
        }
    }

    /// Places a note near `p`, on the inside of the plot, avoiding other labels (and the paths, when it can).
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
    private func drawDirectionArrows(_ runs: [[Point]], context: MarkContext) {
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
            if style.halo { context.canvas.stroke(head, style: StrokeStyle(width: 1.5, color: context.halo(at: mid, line: style.color), join: .round)) }
            context.canvas.fill(head, color: style.color)
        }
    }

    /// Points every 3 pt along the drawn path, so legends and labels keep clear of it.
    public func occupiedPoints(in context: MarkContext) -> [Point] {
        Thinning.samples(along: plan(context.transform).runs, spacing: 3)
    }
}
