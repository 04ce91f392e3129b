import Foundation

/// Thinning an optimizer's path in device space: markers by arc length, and strides for paths too
/// dense to read.
extension Thinning {
    /// What was left out of a path too dense to draw whole: steps `from` through `to` are drawn every
    /// `stride`-th step (the steps before `from` and after `to` are all drawn).
    public struct Stride: Equatable, Sendable {
        /// Every `stride`-th step is drawn in the thinned stretch (always odd).
        public var stride: Int
        /// The first step of the thinned stretch (an index into the path).
        public var from: Int
        /// The last step of the thinned stretch (an index into the path).
        public var to: Int
    }

    /// The drawn length of the path through `indices` of `points` (breaks at nil entries), counting only
    /// what lies inside `clip` when given.
    public static func arcLength(_ points: [Point?], indices: [Int], clip: Rect? = nil) -> Double {
        var total = 0.0
        for (a, b) in zip(indices, indices.dropFirst()) {
            guard let p = points[a], let q = points[b] else { continue }
            var f = 1.0
            if let clip {
                guard let (t0, t1) = SegmentClip.clip(p, q, to: clip) else { continue }
                f = t1 - t0
            }
            total += hypot(q.x - p.x, q.y - p.y) * f
        }
        return total
    }

    /// The steps to draw of a path whose drawn length (inside `clip`) passes `budget` points: the first `exactFirst`
    /// and the last `exactLast` steps exactly, every `stride`-th step between (nil when it fits).
    ///
    /// The stride is odd, so a path that flips side every step (gradient descent past half the stability
    /// limit) still flips between drawn points instead of looking smooth. It is the smallest odd stride
    /// that brings the middle stretch's length under what the budget leaves for it, at least 3.
    public static func stride(_ points: [Point?], indices: [Int], budget: Double, clip: Rect? = nil, exactFirst: Int = 8,
                              exactLast: Int = 3) -> (indices: [Int], stride: Stride)? {
        let total = arcLength(points, indices: indices, clip: clip)
        guard total > budget, let start = indices.first, let end = indices.last, end - start > exactFirst + exactLast + 6 else { return nil }
        let head = indices.filter { $0 <= start + exactFirst }, tail = indices.filter { $0 >= end - exactLast }
        let middleLength = total - arcLength(points, indices: head, clip: clip) - arcLength(points, indices: tail, clip: clip)
        let room = max(budget - (total - middleLength), budget * 0.25)
        var k = max(3, Int((middleLength / room).rounded(.up)))
        if k % 2 == 0 { k += 1 }
        let first = head.last!, last = tail.first!
        // Every k-th step among those `indices` holds (a decimated path keeps fewer than all of them).
        var keep = head
        var next = first + k
        for i in indices where i > first && i < last && i >= next {
            keep.append(i)
            next = i + k
        }
        keep += tail
        // Missing points stay, so a gap is still drawn as a gap.
        let missing = indices.filter { points[$0] == nil }
        let kept = Set(keep).union(missing)
        return (kept.sorted(), Stride(stride: k, from: first, to: last))
    }

    /// Indices among `indices` at which to draw step markers, spaced by distance along the drawn path
    /// rather than by step: the first, then each one at least `spacing` points of path after the last
    /// marker, and the last. Bunched steps near a minimum get few markers; long jumps each get one.
    public static func arcLengthMarkers(_ points: [Point?], indices: [Int], spacing: Double) -> [Int] {
        let finite = indices.filter { points[$0] != nil }
        guard let first = finite.first, let last = finite.last else { return [] }
        var keep = [first], travelled = 0.0, previous = points[first]!
        for i in finite.dropFirst() where i != last {
            let p = points[i]!
            travelled += hypot(p.x - previous.x, p.y - previous.y)
            previous = p
            if travelled >= spacing { keep.append(i); travelled = 0 }
        }
        if last != first {
            // The end always has its marker; one crowding it goes.
            if keep.count > 1, let q = points[keep.last!], let e = points[last], hypot(e.x - q.x, e.y - q.y) < spacing * 0.5 {
                keep.removeLast()
            }
            keep.append(last)
        }
        return keep
    }

    /// Points every `spacing` points along `runs` (each run a polyline), at most about `limit` of them:
    /// what a label or legend must not cover.
    public static func samples(along runs: [[Point]], spacing: Double, limit: Int = 4000) -> [Point] {
        var total = 0.0
        for r in runs { for (a, b) in zip(r, r.dropFirst()) { total += hypot(b.x - a.x, b.y - a.y) } }
        let step = max(spacing, total / Double(max(1, limit)))
        var out: [Point] = []
        for r in runs {
            guard let first = r.first else { continue }
            out.append(first)
            for (a, b) in zip(r, r.dropFirst()) {
                let d = hypot(b.x - a.x, b.y - a.y)
                let n = Int(d / step)
                if n > 0 { for k in 1...n { out.append(Point(a.x + (b.x - a.x) * Double(k) / Double(n + 1), a.y + (b.y - a.y) * Double(k) / Double(n + 1))) } }
                out.append(b)
            }
        }
        return out
    }
}
