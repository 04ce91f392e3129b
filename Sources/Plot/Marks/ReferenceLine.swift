/// A labelled horizontal or vertical line across the plot: a reference value (the stability limit
/// 2/λ<sub>max</sub>) or an event ("converged", "diverged at step 37").
public struct ReferenceLine: Mark {
    /// Which way the line runs.
    public enum Orientation: Equatable, Sendable {
        /// At a y value, across the plot.
        case horizontal
        /// At an x value, from bottom to top.
        case vertical
    }
    /// Which way the line runs.
    public var orientation: Orientation
    /// The data value it marks.
    public var value: Double
    /// The label as markup; empty for none.
    public var label: String
    /// The line's look.
    public var stroke: StrokeStyle

    /// A reference line at `value`.
    public init(_ orientation: Orientation, at value: Double, label: String = "",
                stroke: StrokeStyle = StrokeStyle(width: 0.9, color: Color(hex: 0x555555), dash: [4, 2.5])) {
        self.orientation = orientation; self.value = value; self.label = label; self.stroke = stroke
    }

    /// A vertical event rule at step `x` ("converged", "diverged at step 37"), darker and dash-dotted.
    public static func event(at x: Double, label: String) -> ReferenceLine {
        ReferenceLine(.vertical, at: x, label: label, stroke: StrokeStyle(width: 1, color: Color(hex: 0x222222), dash: [6, 2, 1.5, 2]))
    }

    /// The marked value along its axis only.
    public var dataBounds: DataBounds? {
        guard value.isFinite else { return nil }
        return orientation == .horizontal ? DataBounds(x: nil, y: value...value) : DataBounds(x: value...value, y: nil)
    }

    /// Draws the line and places its label beside it.
    public func draw(in context: MarkContext) {
        let t = context.transform, plot = t.plot
        let style = context.theme.text(context.theme.annotationFontSize)
        let size = context.canvas.measureText(label, style: style)
        switch orientation {
        case .horizontal:
            let y = t.deviceY(value)
            guard y.isFinite, y >= plot.minY, y <= plot.maxY else { return }
            context.canvas.stroke(.polyline([Point(plot.minX, y), Point(plot.maxX, y)]), style: stroke)
            guard !label.isEmpty else { return }
            let right = plot.maxX - size.width - 4, left = plot.minX + 4
            context.placeLabel(label, style: style, candidates: [
                Point(right, y - size.height - 2), Point(right, y + 2), Point(left, y - size.height - 2), Point(left, y + 2),
                Point(plot.midX - size.width / 2, y - size.height - 2), Point(plot.midX - size.width / 2, y + 2),
            ])
        case .vertical:
            let x = t.deviceX(value)
            guard x.isFinite, x >= plot.minX, x <= plot.maxX else { return }
            context.canvas.stroke(.polyline([Point(x, plot.minY), Point(x, plot.maxY)]), style: stroke)
            guard !label.isEmpty else { return }
            var candidates: [Point] = []
            for k in 0..<6 {
                let y = plot.minY + 4 + Double(k) * (size.height + 2)
                candidates.append(Point(x + 3, y)); candidates.append(Point(x - 3 - size.width, y))
            }
            context.placeLabel(label, style: style, candidates: candidates)
        }
    }
}
