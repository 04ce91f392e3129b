/// Some cells of a grid filled flat and hatched with diagonal lines (the diverged cells of a convergence
/// map), so they stand apart from every color of a colormap, in grayscale too.
///
/// The cells are those of a heatmap over the same nodes: node (i, j) owns the cell of width Δx and
/// height Δy around it. Each marked cell gets the same diagonals, so neighbouring marked cells join
/// into continuous lines about `spacing` points apart.
public struct HatchedCells: Mark {
    /// Nodes per row and rows (as a `SurfaceGrid`'s).
    public var width: Int, height: Int
    /// The x and y ranges the nodes span (as a `SurfaceGrid`'s).
    public var x: ClosedRange<Double>, y: ClosedRange<Double>
    /// Whether node (i, j) is marked, at `j · width + i`.
    public var marked: [Bool]
    /// Under the lines.
    public var fill: Color
    /// The lines.
    public var stroke: StrokeStyle
    /// About how far apart the lines are, in points.
    public var spacing: Double
    /// The legend entry's label, if any.
    public var label: String?

    /// Hatched cells over the nodes of a `width × height` grid spanning `x × y`.
    public init(width: Int, height: Int, x: ClosedRange<Double>, y: ClosedRange<Double>, marked: [Bool],
                fill: Color = Color(hex: 0xE4E4E4), stroke: StrokeStyle = StrokeStyle(width: 0.7, color: Color(hex: 0x333333)),
                spacing: Double = 5, label: String? = nil) {
        precondition(width >= 2 && height >= 2 && marked.count == width * height, "one flag per node of a grid of at least 2×2")
        self.width = width; self.height = height; self.x = x; self.y = y; self.marked = marked
        self.fill = fill; self.stroke = stroke; self.spacing = spacing; self.label = label
    }

    private var dx: Double { (x.upperBound - x.lowerBound) / Double(width - 1) }
    private var dy: Double { (y.upperBound - y.lowerBound) / Double(height - 1) }

    /// The grid's extent, shown without padding (as a heatmap's).
    public var dataBounds: DataBounds? {
        DataBounds(x: (x.lowerBound - dx / 2)...(x.upperBound + dx / 2), y: (y.lowerBound - dy / 2)...(y.upperBound + dy / 2), isTight: true)
    }

    /// A square in the fill color (outlined, as the legend outlines light samples), when there is a label
    /// and a marked cell.
    public var legendEntries: [LegendEntry] {
        guard let label, marked.contains(true) else { return [] }
        return [LegendEntry(label: label, style: SeriesStyle(color: fill, marker: .square, markerSize: 9),
                            showsLine: false, showsMarker: true)]
    }

    /// Fills each marked cell, then draws its diagonals.
    public func draw(in context: MarkContext) {
        let t = context.transform
        var cells: [Rect] = []
        for j in 0..<height {
            for i in 0..<width where marked[j * width + i] {
                let cx = x.lowerBound + Double(i) * dx, cy = y.lowerBound + Double(j) * dy
                let placed = t.deviceRect(x: cx - dx / 2, cx + dx / 2, y: cy - dy / 2, cy + dy / 2).rect
                guard placed.width.isFinite, placed.height.isFinite else { continue }
                cells.append(placed)
                context.canvas.fill(.rect(placed), color: fill)
            }
        }
        guard let first = cells.first else { return }
        // k lines per cell along u − v = c, c = 0, 1/k, …, in cell-relative coordinates.
        let k = max(1, Int((max(first.width, first.height) / spacing).rounded()))
        var path = Path()
        for cell in cells {
            for s in 0..<k {
                let c = Double(s) / Double(k)
                path.move(to: Point(cell.minX + c * cell.width, cell.maxY))
                path.line(to: Point(cell.maxX, cell.minY + c * cell.height))
                if s > 0 {
                    path.move(to: Point(cell.minX, cell.maxY - c * cell.height))
                    path.line(to: Point(cell.maxX - c * cell.width, cell.minY))
                }
            }
        }
        context.canvas.stroke(path, style: stroke)
    }
}
