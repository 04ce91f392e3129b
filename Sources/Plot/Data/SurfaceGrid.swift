/// Values of a function of two variables on a regular grid of nodes.
///
/// Node (i, j) sits at `x = x.lowerBound + i·Δx`, `y = y.lowerBound + j·Δy` with `Δx = span/(width−1)`;
/// `values[j·width + i]`, so row 0 is the bottom row (smallest y). NaN and ±∞ are allowed and mean
/// "no value here".
public struct SurfaceGrid: Equatable, Sendable {
    /// Nodes per row (along x), at least 2.
    public let width: Int
    /// Rows (along y), at least 2.
    public let height: Int
    /// The x range the nodes span (first and last column).
    public let x: ClosedRange<Double>
    /// The y range the nodes span (first and last row).
    public let y: ClosedRange<Double>
    /// Row-major values, row 0 at `y.lowerBound`.
    public let values: [Double]

    /// A grid from precomputed values (`width × height`, row 0 at the smallest y).
    public init(width: Int, height: Int, x: ClosedRange<Double>, y: ClosedRange<Double>, values: [Double]) {
        precondition(width >= 2 && height >= 2, "a surface grid needs at least 2×2 nodes")
        precondition(values.count == width * height, "a surface grid needs width*height values")
        self.width = width; self.height = height; self.x = x; self.y = y; self.values = values
    }

    /// A grid made by evaluating `f` at `resolution × resolution` nodes over `x × y`.
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, resolution: Int, _ f: (Double, Double) -> Double) {
        self.init(x: x, y: y, width: resolution, height: resolution, f)
    }

    /// A grid made by evaluating `f` at `width × height` nodes over `x × y`.
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, width: Int, height: Int, _ f: (Double, Double) -> Double) {
        precondition(width >= 2 && height >= 2, "a surface grid needs at least 2×2 nodes")
        var values = [Double](repeating: 0, count: width * height)
        let dx = (x.upperBound - x.lowerBound) / Double(width - 1)
        let dy = (y.upperBound - y.lowerBound) / Double(height - 1)
        for j in 0..<height {
            let yv = y.lowerBound + Double(j) * dy
            for i in 0..<width { values[j * width + i] = f(x.lowerBound + Double(i) * dx, yv) }
        }
        self.init(width: width, height: height, x: x, y: y, values: values)
    }

    /// Distance between neighbouring columns.
    public var dx: Double { (x.upperBound - x.lowerBound) / Double(width - 1) }
    /// Distance between neighbouring rows.
    public var dy: Double { (y.upperBound - y.lowerBound) / Double(height - 1) }

    /// The value at node (i, j).
    public subscript(i: Int, j: Int) -> Double { values[j * width + i] }

    /// The smallest and largest finite values, or nil when there are none.
    public var finiteRange: ClosedRange<Double>? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite { lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
        return lo <= hi ? lo...hi : nil
    }
}
