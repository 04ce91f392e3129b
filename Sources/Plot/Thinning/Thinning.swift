/// Reducing many points to what can be seen, while the data keep every step.
public enum Thinning {
    /// Indices of a series to draw, by min/max per device column (the M4 rule).
    ///
    /// `xs` must be non-decreasing device x positions. For every column `columnWidth` wide the first,
    /// lowest, highest and last points are kept, in index order, so the drawn line has the same
    /// envelope as the full one. Non-finite y values are always kept (they break the line).
    public static func columnExtremes(xs: [Double], ys: [Double], columnWidth: Double = 0.5) -> [Int] {
        precondition(xs.count == ys.count, "xs and ys must have the same length")
        let n = xs.count
        guard n > 4 else { return Array(0..<n) }
        var keep: [Int] = []
        keep.reserveCapacity(Swift.min(n, 4096))
        var i = 0
        while i < n {
            guard xs[i].isFinite, ys[i].isFinite else { keep.append(i); i += 1; continue }
            let column = (xs[i] / columnWidth).rounded(.down)
            var lo = i, hi = i, last = i
            var k = i + 1
            while k < n, xs[k].isFinite, ys[k].isFinite, (xs[k] / columnWidth).rounded(.down) == column {
                if ys[k] < ys[lo] { lo = k }
                if ys[k] > ys[hi] { hi = k }
                last = k
                k += 1
            }
            var group = [i, lo, hi, last]
            group.sort()
            for g in group where keep.last != g { keep.append(g) }
            i = k
        }
        return keep
    }

    /// Indices of a path to draw, dropping points closer than `tolerance` to the last kept one.
    ///
    /// The first and last points, the points with the smallest and largest x and y, and the points next to
    /// missing (nil) entries are always kept, so the start, the end, the extremes and every gap survive.
    public static func decimate(_ points: [Point?], tolerance: Double) -> [Int] {
        let n = points.count
        guard n > 2 else { return Array(0..<n) }
        var forced = Set<Int>([0, n - 1])
        for e in extremes(points) { forced.insert(e) }
        var keep: [Int] = []
        keep.reserveCapacity(Swift.min(n, 8192))
        var last: Point? = nil
        let t2 = tolerance * tolerance
        for i in 0..<n {
            guard let p = points[i] else { keep.append(i); last = nil; continue }
            let nextMissing = i + 1 < n && points[i + 1] == nil
            if forced.contains(i) || last == nil || nextMissing {
                keep.append(i); last = p; continue
            }
            let dx = p.x - last!.x, dy = p.y - last!.y
            if dx * dx + dy * dy >= t2 { keep.append(i); last = p }
        }
        return keep
    }

    /// Indices of the points with the smallest and largest x and y (nil entries ignored), sorted.
    public static func extremes(_ points: [Point?]) -> [Int] {
        var minX = -1, maxX = -1, minY = -1, maxY = -1
        for (i, q) in points.enumerated() {
            guard let p = q else { continue }
            if minX < 0 || p.x < points[minX]!.x { minX = i }
            if maxX < 0 || p.x > points[maxX]!.x { maxX = i }
            if minY < 0 || p.y < points[minY]!.y { minY = i }
            if maxY < 0 || p.y > points[maxY]!.y { maxY = i }
        }
        return Array(Set([minX, maxX, minY, maxY].filter { $0 >= 0 })).sorted()
    }

    /// Indices at which to draw step markers: at most `limit`, spread evenly by step, at least `spacing`
    /// points apart on the page, always including the start, the end and the extremes.
    public static func markerIndices(_ points: [Point?], limit: Int, spacing: Double) -> [Int] {
        let n = points.count
        guard n > 0 else { return [] }
        var forced = Set(extremes(points))
        if points[0] != nil { forced.insert(0) }
        if let lastFinite = points.lastIndex(where: { $0 != nil }) { forced.insert(lastFinite) }
        let stride = Swift.max(1, Int((Double(n) / Double(Swift.max(1, limit))).rounded(.up)))
        var keep: [Int] = []
        var last: Point? = nil
        for i in 0..<n {
            guard let p = points[i] else { continue }
            if forced.contains(i) { keep.append(i); last = p; continue }
            guard i % stride == 0 else { continue }
            if let l = last, (p.x - l.x) * (p.x - l.x) + (p.y - l.y) * (p.y - l.y) < spacing * spacing { continue }
            keep.append(i); last = p
        }
        return keep
    }
}
