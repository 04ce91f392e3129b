/// Several versions of one curve — a model's prediction at chosen training steps — fading from light
/// (early) to dark (late), so the order reads in grayscale too.
public struct CurveFamily: Mark {
    /// One curve of the family.
    public struct Member: Equatable, Sendable {
        /// Legend label (e.g. `"step 0"`); nil for none.
        public var label: String?
        /// The curve in data coordinates.
        public var points: [DataPoint]
        /// A member labelled `label`.
        public init(label: String?, points: [DataPoint]) { self.label = label; self.points = points }
    }
    /// The curves, earliest first.
    public var members: [Member]
    /// Light → dark colors; earliest at the light end.
    public var colormap: Colormap
    /// Line width in points.
    public var lineWidth: Double

    /// A family of curves, earliest first.
    public init(_ members: [Member], colormap: Colormap = .lightToDarkBlue, lineWidth: Double = 1.3) {
        self.members = members; self.colormap = colormap; self.lineWidth = lineWidth
    }

    /// The style of the `k`-th member: later is darker and solid, earlier is lighter and dashed.
    public func style(_ k: Int) -> SeriesStyle {
        let t = members.count > 1 ? Double(k) / Double(members.count - 1) : 1
        return SeriesStyle(color: colormap.color(at: t), lineWidth: lineWidth, dash: k == members.count - 1 ? [] : [5, 2],
                           marker: .none)
    }

    /// The extent of every member.
    public var dataBounds: DataBounds? { DataBounds(points: members.flatMap(\.points)) }

    /// Entries for labelled members.
    public var legendEntries: [LegendEntry] {
        members.enumerated().compactMap { k, m in m.label.map { LegendEntry(label: $0, style: style(k), showsMarker: false) } }
    }

    /// Draws every member as a line series.
    public func draw(in context: MarkContext) {
        for (k, m) in members.enumerated() {
            LineSeries(xs: m.points.map(\.x), ys: m.points.map(\.y), style: style(k)).draw(in: context)
        }
    }

    /// Points on the curves, so a legend avoids them.
    public func occupiedPoints(in context: MarkContext) -> [Point] {
        members.flatMap { m in LineSeries(xs: m.points.map(\.x), ys: m.points.map(\.y)).occupiedPoints(in: context) }
    }
}
