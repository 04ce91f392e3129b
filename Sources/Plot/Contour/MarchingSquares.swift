/// Contour lines of a `SurfaceGrid` by marching squares.
///
/// Each cell's four corners are classified against the level; the line crosses an edge where the
/// classification changes, at the linearly interpolated position. The two ambiguous saddle cases
/// (diagonal corners above) are resolved by the cell-centre value, the mean of the four corners:
///
/// ```
/// centre ≥ level → the high corners are joined through the middle
/// centre < level → the low corners are joined
/// ```
/// Cells with a non-finite corner are skipped, so NaN holes leave gaps rather than wrong lines.
/// Segments are chained into polylines through the grid edges they share, in a deterministic order.
public enum MarchingSquares {
    /// A contour polyline in data coordinates at one level.
    public struct Line: Equatable, Sendable {
        /// The level the line belongs to.
        public var level: Double
        /// Points in data coordinates.
        public var points: [DataPoint]
        /// Whether the last point joins the first.
        public var isClosed: Bool
    }

    /// The polylines of `grid` at `level`.
    public static func lines(_ grid: SurfaceGrid, level: Double) -> [Line] {
        lines(grid, levels: [level])[0]
    }

    /// The polylines of `grid` at each of `levels`, in the order given.
    ///
    /// The grid is scanned once: a cell with finite corners is crossed by exactly the levels in
    /// (min corner, max corner], found by binary search in the sorted levels, so each level only
    /// visits the cells it crosses (in the same row-major order as a full scan).
    public static func lines(_ grid: SurfaceGrid, levels: [Double]) -> [[Line]] {
        let w = grid.width, h = grid.height
        let order = levels.indices.sorted { levels[$0] < levels[$1] }
        let sorted = order.map { levels[$0] }
        var cells = [[Int]](repeating: [], count: levels.count)
        grid.values.withUnsafeBufferPointer { v in
            for j in 0..<(h - 1) {
                for i in 0..<(w - 1) {
                    let n = j * w + i
                    let a = v[n], b = v[n + 1], c = v[n + w + 1], d = v[n + w]
                    guard a.isFinite, b.isFinite, c.isFinite, d.isFinite else { continue }
                    let lo = Swift.min(Swift.min(a, b), Swift.min(c, d)), hi = Swift.max(Swift.max(a, b), Swift.max(c, d))
                    // First sorted level above lo.
                    var first = 0, past = sorted.count
                    while first < past {
                        let mid = (first + past) / 2
                        if sorted[mid] > lo { past = mid } else { first = mid + 1 }
                    }
                    var k = first
                    while k < sorted.count && sorted[k] <= hi { cells[order[k]].append(n); k += 1 }
                }
            }
        }
        return levels.indices.map { lines(grid, level: levels[$0], cells: cells[$0]) }
    }

    /// The polylines at `level` through `cells` (lower-left node indices of the cells the level crosses).
    private static func lines(_ grid: SurfaceGrid, level: Double, cells: [Int]) -> [Line] {
        let w = grid.width
        let x0 = grid.x.lowerBound, y0 = grid.y.lowerBound, dx = grid.dx, dy = grid.dy
        // Edge ids: horizontal edge from node (i,j) to (i+1,j) is 2(j·w+i); vertical (i,j)–(i,j+1) is 2(j·w+i)+1.
        var segmentEdges: [(Int, Int)] = []
        segmentEdges.reserveCapacity(cells.count + 8)
        grid.values.withUnsafeBufferPointer { v in
            for n in cells {
                let a = v[n], b = v[n + 1], c = v[n + w + 1], d = v[n + w]   // bl, br, tr, tl
                let code = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0)
                let bottom = 2 * n, right = 2 * (n + 1) + 1, top = 2 * (n + w), left = 2 * n + 1
                switch code {
                case 1, 14: segmentEdges.append((left, bottom))
                case 2, 13: segmentEdges.append((bottom, right))
                case 3, 12: segmentEdges.append((left, right))
                case 4, 11: segmentEdges.append((right, top))
                case 6, 9: segmentEdges.append((bottom, top))
                case 7, 8: segmentEdges.append((left, top))
                case 5, 10:
                    let centreHigh = (a + b + c + d) / 4 >= level
                    // code 5: bl and tr high. Joined high corners → lines cut off the low corners.
                    if (code == 5) == centreHigh {
                        segmentEdges.append((left, top)); segmentEdges.append((bottom, right))
                    } else {
                        segmentEdges.append((left, bottom)); segmentEdges.append((right, top))
                    }
                default: break
                }
            }
        }
        let v = grid.values
        func crossing(_ edge: Int) -> DataPoint {
            let node = edge / 2, i = node % w, j = node / w
            let a = v[node]
            if edge % 2 == 0 {
                let b = v[node + 1], t = (level - a) / (b - a)
                return DataPoint(x0 + (Double(i) + t) * dx, y0 + Double(j) * dy)
            } else {
                let b = v[node + w], t = (level - a) / (b - a)
                return DataPoint(x0 + Double(i) * dx, y0 + (Double(j) + t) * dy)
            }
        }
        return chain(segmentEdges, level: level, point: crossing)
    }

    /// Joins segments that share an edge into polylines, starting open chains at their free ends.
    ///
    /// A grid edge borders two cells and each cell has at most one segment through a given edge, so an
    /// edge belongs to at most two segments: each segment end has at most one neighbour, found by sorting
    /// the (edge, segment) pairs.
    private static func chain(_ segments: [(Int, Int)], level: Double, point: (Int) -> DataPoint) -> [Line] {
        let count = segments.count
        guard count > 0 else { return [] }
        // ends[2k] and ends[2k+1]: the edges of segment k's two ends.
        var ends = [Int](repeating: 0, count: 2 * count)
        for (k, s) in segments.enumerated() { ends[2 * k] = s.0; ends[2 * k + 1] = s.1 }
        // The other segment end on the same edge, or -1.
        var partner = [Int](repeating: -1, count: 2 * count)
        let order = (0..<(2 * count)).sorted { ends[$0] < ends[$1] || (ends[$0] == ends[$1] && $0 < $1) }
        var r = 0
        while r + 1 < order.count {
            if ends[order[r]] == ends[order[r + 1]] {
                partner[order[r]] = order[r + 1]; partner[order[r + 1]] = order[r]
                r += 2
            } else {
                r += 1
            }
        }
        var used = [Bool](repeating: false, count: count)
        var lines: [Line] = []

        // Walks from segment `start`, entered through its end `end` (0 or 1); returns the edges passed.
        func walk(from start: Int, end: Int) -> [Int] {
            var edges = [ends[2 * start + end]]
            var current = start, at = end
            while true {
                used[current] = true
                let exit = 2 * current + (1 - at)
                edges.append(ends[exit])
                let next = partner[exit]
                guard next >= 0, !used[next / 2] else { return edges }
                current = next / 2; at = next % 2
            }
        }
        // Open chains first, from an end whose edge is used by one segment only.
        for k in 0..<count where !used[k] {
            if partner[2 * k] < 0 {
                lines.append(Line(level: level, points: walk(from: k, end: 0).map(point), isClosed: false))
            } else if partner[2 * k + 1] < 0 {
                lines.append(Line(level: level, points: walk(from: k, end: 1).map(point), isClosed: false))
            }
        }
        for k in 0..<count where !used[k] {
            let edges = walk(from: k, end: 0)
            var pts = edges.map(point)
            let closed = edges.first == edges.last
            if closed { pts.removeLast() }
            lines.append(Line(level: level, points: pts, isClosed: closed))
        }
        return lines
    }
}

/// A point in data coordinates.
public struct DataPoint: Equatable, Sendable {
    /// The horizontal data value.
    public var x: Double
    /// The vertical data value.
    public var y: Double
    /// A point at (x, y) in data units.
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
    /// Whether both coordinates are finite.
    public var isFinite: Bool { x.isFinite && y.isFinite }
}
