import Foundation
import Parallelism

/// A surface drawn as colored cells: each grid node colors the cell around it.
///
/// Missing values (NaN, ±∞) take the color scale's neutral `missing` color. The image is drawn once,
/// scaled into the device rectangle the panel transform gives for the grid's extent, with bilinear
/// smoothing (`smooth`) or sharp cells.
///
/// The image is colored once and kept: every panel showing the same heatmap, and every output file
/// drawn from it (PNG and PDF, concurrently), shares one pixel buffer.
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

    private let images = ImageCache()

    /// A heatmap of `grid` with a scale fitted to its values (viridis, log when they span decades).
    public init(_ grid: SurfaceGrid, colormap: Colormap = .viridis, spacing: ColorScale.Spacing = .automatic) {
        self.init(grid, colorScale: .fitting(grid.values, colormap: colormap, spacing: spacing))
    }

    /// The grid's extent, shown without padding.
    public var dataBounds: DataBounds? { DataBounds(x: grid.x, y: grid.y, isTight: true) }

    /// Draws the cells as one image.
    public func draw(in context: MarkContext) {
        let hx = grid.dx / 2, hy = grid.dy / 2
        let placed = context.transform.deviceRect(x: grid.x.lowerBound - hx, grid.x.upperBound + hx,
                                                  y: grid.y.lowerBound - hy, grid.y.upperBound + hy)
        guard placed.rect.width.isFinite, placed.rect.height.isFinite, placed.rect.width > 0, placed.rect.height > 0 else { return }
        let image = images.image(grid: grid, colorScale: colorScale, yUp: placed.yUp, xRight: placed.xRight)
        context.canvas.draw(image, in: placed.rect, smooth: smooth)
    }

    /// The color drawn under device point `p` (the nearest node's), nil outside the grid.
    public func color(under p: Point, transform: PanelTransform) -> Color? {
        let d = transform.data(p)
        let i = ((d.x - grid.x.lowerBound) / grid.dx).rounded(), j = ((d.y - grid.y.lowerBound) / grid.dy).rounded()
        guard i.isFinite, j.isFinite, i >= 0, j >= 0, i < Double(grid.width), j < Double(grid.height) else { return nil }
        return colorScale.color(for: grid[Int(i), Int(j)])
    }

    /// The colored image of a grid in page order (rows top to bottom), for the orientation a transform
    /// gives; computed once per grid, scale and orientation.
    static func image(grid: SurfaceGrid, colorScale: ColorScale, yUp: Bool, xRight: Bool) -> RasterImage {
        let w = grid.width, h = grid.height
        let lookup = ColorScale.Lookup(colorScale)
        var rgba = [UInt8](repeating: 0, count: w * h * 4)
        grid.values.withUnsafeBufferPointer { values in
            rgba.withUnsafeMutableBytes { raw in
                let out = raw.bindMemory(to: UInt32.self)
                // Image rows run top to bottom on the page; which grid row is on top comes from the transform.
                for row in 0..<h {
                    let j = yUp ? h - 1 - row : row
                    let source = j * w, target = row * w
                    if xRight {
                        for col in 0..<w { out[target + col] = lookup.rgba(values[source + col]) }
                    } else {
                        for col in 0..<w { out[target + col] = lookup.rgba(values[source + w - 1 - col]) }
                    }
                }
            }
        }
        return RasterImage(width: w, height: h, rgba: rgba)
    }
}

/// The images a heatmap has made, keyed by what they were made from; safe to use from several threads.
private final class ImageCache: Sendable {
    private struct Entry: Sendable {
        let grid: SurfaceGrid, colorScale: ColorScale, yUp: Bool, xRight: Bool
        let image: RasterImage
    }
    private let entries = Locked<[Entry]>([])

    func image(grid: SurfaceGrid, colorScale: ColorScale, yUp: Bool, xRight: Bool) -> RasterImage {
        // The lock is held while an image is made, so two threads drawing the same heatmap make it once.
        entries.withLock { entries in
            // Comparing grids is cheap: a heatmap's copies share one values buffer.
            if let hit = entries.first(where: { $0.yUp == yUp && $0.xRight == xRight && $0.colorScale == colorScale && $0.grid == grid }) {
                return hit.image
            }
            let image = Heatmap.image(grid: grid, colorScale: colorScale, yUp: yUp, xRight: xRight)
            if entries.count >= 4 { entries.removeFirst() }
            entries.append(Entry(grid: grid, colorScale: colorScale, yUp: yUp, xRight: xRight, image: image))
            return image
        }
    }
}
