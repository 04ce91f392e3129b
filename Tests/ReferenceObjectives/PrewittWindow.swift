import Engine

/// The 3×3 neighbourhood of one pixel of a row-major H×W image, with indices outside
/// the image clamped to the nearest edge (the border replicated): the one place the
/// custom loss, its gradient and the handout's response images read the stencil from.
///
/// ```
/// x = Σ_{d=−1…1} (v(r+d, c+1) − v(r+d, c−1))     Pₓ ⋆ v
/// y = Σ_{d=−1…1} (v(r+1, c+d) − v(r−1, c+d))     P_y ⋆ v
/// ```
@usableFromInline
struct PrewittWindow {
    /// Row starts (flat indices) of the rows above, at and below the pixel.
    let up: Int, middle: Int, down: Int
    /// Columns left of, at and right of the pixel.
    let left: Int, centre: Int, right: Int

    /// The pixel's own flat index.
    var pixel: Int { middle + centre }

    /// The two Prewitt responses of the values `v(flat index)` at this pixel.
    @inline(__always)
    func responses(_ v: (Int) -> Double) -> (x: Double, y: Double) {
        let x = (v(up + right) - v(up + left)) + (v(middle + right) - v(middle + left)) + (v(down + right) - v(down + left))
        let y = (v(down + left) - v(up + left)) + (v(down + centre) - v(up + centre)) + (v(down + right) - v(up + right))
        return (x, y)
    }

    /// Adds `dx · ∂x/∂v + dy · ∂y/∂v` into `gradient` (the adjoint of `responses`).
    @inline(__always)
    func accumulate(dx: Double, dy: Double, into gradient: UnsafeMutableBufferPointer<Double>) {
        gradient[up + right] += dx
        gradient[middle + right] += dx
        gradient[down + right] += dx
        gradient[up + left] -= dx
        gradient[middle + left] -= dx
        gradient[down + left] -= dx
        gradient[down + left] += dy
        gradient[down + centre] += dy
        gradient[down + right] += dy
        gradient[up + left] -= dy
        gradient[up + centre] -= dy
        gradient[up + right] -= dy
    }

    /// Calls `body` with the window of every pixel, row by row.
    @inline(__always)
    static func forEach(height: Int, width: Int, _ body: (PrewittWindow) -> Void) {
        for r in 0..<height {
            let up = Swift.max(r - 1, 0) * width, middle = r * width, down = Swift.min(r + 1, height - 1) * width
            for c in 0..<width {
                body(PrewittWindow(up: up, middle: middle, down: down,
                                   left: Swift.max(c - 1, 0), centre: c, right: Swift.min(c + 1, width - 1)))
            }
        }
    }
}
