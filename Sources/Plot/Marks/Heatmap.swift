/// A surface drawn as colored cells: each grid node colors the cell around it.
///
/// Missing values (NaN, ±∞) take the color scale's neutral `missing` color. The image is drawn once,
/// scaled into the device rectangle the panel transform gives for the grid's extent, with bilinear
/// smoothing (`smooth`) or sharp cells.
public struct Heatmap: Mark {
    /// The values.
    public var grid: SurfaceGrid
    /// How values become colors.
    public var colorScale: ColorScale
    /// Smooth (bilinear) rather than sharp cells.
    public var smooth: Bool

    /// A heatmap of `grid` colored by `colorScale`.
    public init(_ grid: SurfaceGrid, colorScale: ColorScale, smooth: Bool = true) {
        self.grid = grid; self.colorScale = colorScale; self.smooth = smooth
    }

    /// A heatmap of `grid` with a scale fitted to its values (viridis, log when they span decades).
    public init(_ grid: SurfaceGrid, colormap: Colormap = .viridis, spacing: ColorScale.Spacing = .automatic) {
        self.init(grid, colorScale: .fitting(grid.values, colormap: colormap, spacing: spacing))
    }

    /// The grid's extent, shown without padding.
    public var dataBounds: DataBounds? { DataBounds(x: grid.x, y: grid.y, isTight: true) }

    /// Draws the cells as one image.
    public func draw(in context: MarkContext) {
        let w = grid.width, h = grid.height
        let hx = grid.dx / 2, hy = grid.dy / 2
        let placed = context.transform.deviceRect(x: grid.x.lowerBound - hx, grid.x.upperBound + hx,
                                                  y: grid.y.lowerBound - hy, grid.y.upperBound + hy)
        guard placed.rect.width.isFinite, placed.rect.height.isFinite, placed.rect.width > 0, placed.rect.height > 0 else { return }
        let cells = colorScale.pixels(grid.values)
        var rgba = [UInt8](repeating: 0, count: w * h * 4)
        // Image rows run top to bottom on the page; which grid row is on top comes from the transform.
        for row in 0..<h {
            let j = placed.yUp ? h - 1 - row : row
            for col in 0..<w {
                let i = placed.xRight ? col : w - 1 - col
                let s = 4 * (j * w + i), d = 4 * (row * w + col)
                rgba[d] = cells[s]; rgba[d + 1] = cells[s + 1]; rgba[d + 2] = cells[s + 2]; rgba[d + 3] = 255
            }
        }
        context.canvas.draw(RasterImage(width: w, height: h, rgba: rgba), in: placed.rect, smooth: smooth)
    }
}
