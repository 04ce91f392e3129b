/// Data points drawn as markers (one class of a data set; use one mark per class with different
/// marker shapes and colors).
public struct Scatter: Mark {
    /// The points in data coordinates; NaN or infinite ones are skipped.
    public var points: [DataPoint]
    /// Legend label as markup; nil for none.
    public var label: String?
    /// Marker shape, size and color (the line settings are unused).
    public var style: SeriesStyle

    /// Markers at `points`.
    public init(_ points: [DataPoint], label: String? = nil, style: SeriesStyle = .cycle(0)) {
        self.points = points; self.label = label; self.style = style
    }

    /// The extent of the finite points.
    public var dataBounds: DataBounds? { DataBounds(points: points) }

    /// A marker-only legend entry when `label` is set.
    public var legendEntries: [LegendEntry] {
        label.map { [LegendEntry(label: $0, style: style, showsLine: false, showsMarker: true)] } ?? []
    }

    /// Draws one marker per finite point.
    public func draw(in context: MarkContext) {
        for p in points {
            guard let d = context.transform.device(p) else { continue }
            style.marker.draw(in: context.canvas, at: d, size: style.markerSize, color: style.color, edge: .white)
        }
    }

    /// The drawn points, so a legend avoids them.
    public func occupiedPoints(in context: MarkContext) -> [Point] { points.compactMap { context.transform.device($0) } }
}
