/// A line chart series: y against x (loss against step), optionally with markers.
///
/// Non-finite values (and non-positive ones on a log axis) break the line. Series longer than twice the
/// plot width in points are drawn from the min/max of each half-point column, so 400,000 steps draw as
/// fast as 4,000 and keep their envelope.
public struct LineSeries: Mark {
    /// Horizontal values, normally ascending (steps).
    public var xs: [Double]
    /// Vertical values.
    public var ys: [Double]
    /// Legend label as markup; nil for none.
    public var label: String?
    /// Color, dash and marker.
    public var style: SeriesStyle
    /// Draw markers (thinned to about 30).
    public var showsMarkers: Bool

    /// A series through `(xs[i], ys[i])`.
    public init(xs: [Double], ys: [Double], label: String? = nil, style: SeriesStyle = .cycle(0), showsMarkers: Bool = false) {
        precondition(xs.count == ys.count, "a line series needs as many x as y values")
        self.xs = xs; self.ys = ys; self.label = label; self.style = style; self.showsMarkers = showsMarkers
    }

    /// A series of `ys` against their index (step 0, 1, 2…).
    public init(_ ys: [Double], label: String? = nil, style: SeriesStyle = .cycle(0), showsMarkers: Bool = false) {
        self.init(xs: ys.indices.map(Double.init), ys: ys, label: label, style: style, showsMarkers: showsMarkers)
    }

    /// The extent of the finite values.
    public var dataBounds: DataBounds? {
        var x0 = Double.infinity, x1 = -Double.infinity, y0 = Double.infinity, y1 = -Double.infinity
        for (x, y) in zip(xs, ys) where x.isFinite && y.isFinite {
            x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y)
        }
        return x0 <= x1 ? DataBounds(x: x0...x1, y: y0...y1) : nil
    }

    /// A legend entry when `label` is set.
    public var legendEntries: [LegendEntry] {
        label.map { [LegendEntry(label: $0, style: style, showsLine: true, showsMarker: showsMarkers)] } ?? []
    }

    /// The device points to draw, thinned per column, nil where the line breaks.
    func devicePoints(_ t: PanelTransform) -> [Point?] {
        var dx = [Double](repeating: 0, count: xs.count), dy = [Double](repeating: 0, count: ys.count)
        dx.withUnsafeMutableBufferPointer { out in for i in out.indices { out[i] = t.deviceX(xs[i]) } }
        dy.withUnsafeMutableBufferPointer { out in for i in out.indices { out[i] = t.deviceY(ys[i]) } }
        let indices = xs.count > Int(2 * t.plot.width) ? Thinning.columnExtremes(xs: dx, ys: dy, columnWidth: 0.5) : Array(xs.indices)
        return indices.map { i in dx[i].isFinite && dy[i].isFinite ? Point(dx[i], dy[i]) : nil }
    }

    /// Draws the line (broken at missing values) and the markers.
    public func draw(in context: MarkContext) {
        let points = devicePoints(context.transform)
        var run: [Point] = []
        var runs: [[Point]] = []
        for p in points {
            if let p = p { run.append(p) } else { if run.count >= 2 { runs.append(run) }; run = [] }
        }
        if run.count >= 2 { runs.append(run) }
        if style.halo { for r in runs { context.canvas.stroke(.polyline(r), style: style.haloStroke) } }
        for r in runs { context.canvas.stroke(.polyline(r), style: style.stroke) }
        if showsMarkers {
            for i in Thinning.markerIndices(points, limit: 30, spacing: style.markerSize * 1.5) {
                guard let p = points[i] else { continue }
                style.marker.draw(in: context.canvas, at: p, size: style.markerSize, color: style.color)
            }
        }
    }

    /// Points every 3 pt along the drawn line, so a legend keeps clear of it.
    public func occupiedPoints(in context: MarkContext) -> [Point] {
        var runs: [[Point]] = [], run: [Point] = []
        for p in devicePoints(context.transform) {
            if let p { run.append(p) } else { if !run.isEmpty { runs.append(run) }; run = [] }
        }
        if !run.isEmpty { runs.append(run) }
        return Thinning.samples(along: runs, spacing: 3).filter { context.plot.contains($0) }
    }
}
