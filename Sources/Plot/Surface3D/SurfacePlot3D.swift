import Foundation

/// A loss surface seen in perspective: a shaded mesh colored by loss, the runs' paths lifted onto it,
/// a known minimum marked, axes with ticks along the front edges of the box, a colorbar and a legend.
///
/// Hidden parts are hidden by a painter's algorithm: mesh cells are drawn from the farthest to the
/// nearest, and every piece of a path, marker or glyph is drawn right after the cell it lies over, so
/// nearer cells cover it where they should. Path pieces under the surface (a chord through a hill) are
/// not drawn. Everything is vector paths, so a PDF is as crisp as a PNG.
public struct SurfacePlot3D: Drawable {
    /// One run's path: iterates in (x, y) and their height on the surface.
    public struct Path3D: Sendable {
        /// The iterates' (x, y), one per step.
        public var points: [DataPoint]
        /// The surface's value at each iterate (where the path is drawn).
        public var heights: [Double]
        /// The legend label as markup.
        public var label: String
        /// Color and marker (dashes are not used: a path on a mesh is drawn in short pieces).
        public var style: SeriesStyle
        /// The step number of `points[0]`.
        public var firstStep: Int
        /// A path through `points` at `heights`.
        public init(points: [DataPoint], heights: [Double], label: String, style: SeriesStyle, firstStep: Int = 0) {
            precondition(points.count == heights.count, "one height per point")
            self.points = points; self.heights = heights; self.label = label; self.style = style; self.firstStep = firstStep
        }
    }

    /// The mesh: one cell between each four neighbouring nodes.
    public var grid: SurfaceGrid
    /// How loss becomes color (the mesh and the colorbar).
    public var colorScale: ColorScale
    /// The runs' paths.
    public var paths: [Path3D]
    /// A known minimum: where, its loss, and its legend label.
    public var expected: (point: DataPoint, loss: Double, label: String)?
    /// Degrees around the vertical axis (matplotlib's azim; −60 by default).
    public var azimuth: Double
    /// Degrees above the floor (matplotlib's elev; 30 by default).
    public var elevation: Double
    /// Axis labels as markup.
    public var xLabel: String, yLabel: String, zLabel: String
    /// The colorbar's label.
    public var colorbarLabel: String
    /// Fonts and colors.
    public var theme: Theme

    /// A 3-D view of `grid` with `paths` on it.
    public init(grid: SurfaceGrid, colorScale: ColorScale, paths: [Path3D], expected: (point: DataPoint, loss: Double, label: String)? = nil,
                azimuth: Double = -60, elevation: Double = 30, xLabel: String, yLabel: String, zLabel: String = "loss",
                colorbarLabel: String = "loss", theme: Theme = .textbook) {
        self.grid = grid; self.colorScale = colorScale; self.paths = paths; self.expected = expected
        self.azimuth = azimuth; self.elevation = elevation; self.xLabel = xLabel; self.yLabel = yLabel; self.zLabel = zLabel
        self.colorbarLabel = colorbarLabel; self.theme = theme
    }

    /// Half the box's height against its half-width of 1 (matplotlib's box aspect 4:4:3).
    static let halfHeight = 0.75

    /// The loss range the box spans: the mesh's finite values.
    var zRange: ClosedRange<Double> {
        let r = grid.finiteRange ?? 0...1
        return r.lowerBound < r.upperBound ? r : (r.lowerBound - 0.5)...(r.upperBound + 0.5)
    }

    /// A data point (x, y, loss) in box units, the loss clamped to the box.
    func box(_ x: Double, _ y: Double, _ z: Double) -> Point3D {
        let zr = zRange
        let zc = min(max(z, zr.lowerBound), zr.upperBound)
        return Point3D(2 * (x - grid.x.lowerBound) / (grid.x.upperBound - grid.x.lowerBound) - 1,
                       2 * (y - grid.y.lowerBound) / (grid.y.upperBound - grid.y.lowerBound) - 1,
                       SurfacePlot3D.halfHeight * (2 * (zc - zr.lowerBound) / (zr.upperBound - zr.lowerBound) - 1))
    }

    /// The legend entries: one per path, and the minimum's.
    var legendEntries: [LegendEntry] {
        var entries = paths.map { p -> LegendEntry in
            var style = p.style
            style.dash = []
            return LegendEntry(label: legendLabel(p), style: style)
        }
        if let e = expected { entries.append(LegendEntry(label: e.label, style: .expected, showsLine: false)) }
        return entries
    }

    /// Draws the panes, the mesh with what lies on it, the axes, the colorbar and the legend into `frame`.
    public func draw(in canvas: Canvas, frame: Rect) {
        let bar = Colorbar(colorScale, label: colorbarLabel)
        let entries = legendEntries
        let legendHeight = entries.isEmpty ? 0 : LegendBox.flow(entries, width: frame.width, canvas: canvas, theme: theme).size.height + 8
        let barWidth = bar.width(canvas: canvas, theme: theme, length: frame.height - legendHeight)
        let tickHeight = canvas.measureText("0", style: theme.text(theme.tickFontSize)).height
        // Room around the box for tick labels and axis names.
        let margin = 2 * tickHeight + 16
        let picture = Rect(x: frame.minX + margin, y: frame.minY + 4, width: frame.width - barWidth - 2 * margin + 10,
                           height: frame.height - legendHeight - margin - 4)
        let camera = Camera3D(azimuth: azimuth, elevation: elevation)
        let h = SurfacePlot3D.halfHeight
        var corners: [Point3D] = []
        for x in [-1.0, 1] { for y in [-1.0, 1] { for z in [-h, h] { corners.append(Point3D(x, y, z)) } } }
        let fit = PictureFit(fitting: corners.map(camera.project), into: picture)
        let scene = Scene(plot: self, camera: camera, fit: fit)

        scene.drawPanes(canvas: canvas, theme: theme)
        scene.drawMesh(canvas: canvas)
        scene.drawAxes(canvas: canvas, theme: theme)
        bar.draw(in: canvas, theme: theme, x: frame.maxX - barWidth, top: picture.minY + picture.height * 0.1,
                 bottom: picture.maxY - picture.height * 0.1)
        if !entries.isEmpty {
            LegendBox.drawFlow(entries, in: Rect(x: frame.minX, y: frame.maxY - legendHeight + 6, width: frame.width, height: legendHeight - 8),
                               canvas: canvas, theme: theme)
        }
    }
}
