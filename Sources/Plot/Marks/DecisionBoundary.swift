/// The boundary between two classes: where a classifier's probability is 0.5.
///
/// Either a line `w₁x + w₂y + b = 0` (logistic regression) or the 0.5 contour of a probability surface.
public struct DecisionBoundary: Mark {
    private enum Source {
        case line(w1: Double, w2: Double, bias: Double)
        case contour(Contours)
    }
    private let source: Source
    /// Legend label as markup.
    public var label: String?
    /// The line's look.
    public var stroke: StrokeStyle

    /// The line `w1·x + w2·y + bias = 0`.
    public init(w1: Double, w2: Double, bias: Double, label: String? = "boundary p = 0.5",
                stroke: StrokeStyle = StrokeStyle(width: 1.6, color: Color(hex: 0x111111), dash: [7, 3])) {
        source = .line(w1: w1, w2: w2, bias: bias); self.label = label; self.stroke = stroke
    }

    /// The 0.5 contour of `probability` (values in 0…1).
    public init(probability: SurfaceGrid, label: String? = "boundary p = 0.5",
                stroke: StrokeStyle = StrokeStyle(width: 1.6, color: Color(hex: 0x111111), dash: [7, 3])) {
        source = .contour(Contours(probability, levels: [0.5], stroke: stroke, labelled: false))
        self.label = label; self.stroke = stroke
    }

    /// No extent of its own: the boundary adapts to the data's axes.
    public var dataBounds: DataBounds? { nil }

    /// A line entry when `label` is set.
    public var legendEntries: [LegendEntry] {
        label.map { [LegendEntry(label: $0, style: SeriesStyle(color: stroke.color, lineWidth: stroke.width, dash: stroke.dash, marker: .none),
                                 showsMarker: false)] } ?? []
    }

    /// The boundary in device points: the contour's lines, or the line's two ends across the view.
    private func polylines(_ t: PanelTransform) -> [[Point]] {
        switch source {
        case .contour(let c):
            return c.lines.map { line in line.points.compactMap { t.device($0) } }
        case .line(let w1, let w2, let b):
            let xs = (t.x.minimum, t.x.maximum), ys = (t.y.minimum, t.y.maximum)
            let ends: [DataPoint]
            if abs(w2) >= abs(w1) {
                guard w2 != 0 else { return [] }
                ends = [DataPoint(xs.0, -(w1 * xs.0 + b) / w2), DataPoint(xs.1, -(w1 * xs.1 + b) / w2)]
            } else {
                ends = [DataPoint(-(w2 * ys.0 + b) / w1, ys.0), DataPoint(-(w2 * ys.1 + b) / w1, ys.1)]
            }
            guard let p = t.device(ends[0]), let q = t.device(ends[1]) else { return [] }
            return [[p, q]]
        }
    }

    /// Draws the boundary across the view.
    public func draw(in context: MarkContext) {
        switch source {
        case .contour(let c):
            var copy = c
            copy.stroke = stroke
            copy.draw(in: context)
        case .line:
            for line in polylines(context.transform) { context.canvas.stroke(.polyline(line), style: stroke) }
        }
    }

    /// Points every 3 pt along the boundary inside the view, so a legend keeps clear of it.
    public func occupiedPoints(in context: MarkContext) -> [Point] {
        Thinning.samples(along: polylines(context.transform), spacing: 3).filter { context.plot.contains($0) }
    }
}
