import Foundation
import Parallelism

/// The least value of an objective on a grid over part of its parameters: a check on
/// gradient descent that uses no gradient and no start.
///
/// The grid covers either one simplex group (every point whose coordinates are multiples
/// of 1/r and sum to 1) or a set of boxes (r + 1 evenly spaced values in each, every
/// combination). At each grid point one further parameter may be `solved`: minimized
/// over its interval by `LineMinimizer`. Every other parameter keeps its value in `base`.
public struct GridSearch: Sendable {
    /// Where the grid lies.
    public enum Domain: Sendable, Equatable {
        /// One simplex group (parameter indices).
        case simplex([Int])
        /// Boxes: parameter index and interval, one grid axis each.
        case boxes([(index: Int, range: ClosedRange<Double>)])

        /// Equal when the same kind covers the same parameters and ranges.
        public static func == (a: Domain, b: Domain) -> Bool {
            switch (a, b) {
            case (.simplex(let x), .simplex(let y)): return x == y
            case (.boxes(let x), .boxes(let y)):
                return x.count == y.count && zip(x, y).allSatisfy { $0.index == $1.index && $0.range == $1.range }
            default: return false
            }
        }
    }

    /// The grid's domain.
    public var domain: Domain
    /// Steps per unit of the simplex, or intervals per box.
    public var resolution: Int
    /// A parameter minimized over its interval at every grid point.
    public var solved: (index: Int, range: ClosedRange<Double>)?

    /// Creates a grid search.
    public init(domain: Domain, resolution: Int, solved: (index: Int, range: ClosedRange<Double>)? = nil) {
        self.domain = domain
        self.resolution = resolution
        self.solved = solved
    }

    /// Grid points: C(r + k − 1, k − 1) on a k-simplex, (r + 1)^k for k boxes (saturating).
    public var pointCount: Int {
        switch domain {
        case .simplex(let group):
            var count = 1.0
            for j in 1..<max(group.count, 1) { count = count * Double(resolution + j) / Double(j) }
            return count >= Double(Int.max / 2) ? Int.max : Int(count.rounded())
        case .boxes(let boxes):
            var count = 1
            for _ in boxes {
                let (next, overflow) = count.multipliedReportingOverflow(by: resolution + 1)
                if overflow { return Int.max }
                count = next
            }
            return count
        }
    }

    /// What a search found.
    public struct Result: Sendable, Equatable {
        /// The best point (every parameter).
        public var parameters: [Double]
        /// f there.
        public var loss: Double
        /// Grid points visited.
        public var points: Int

        /// A result: the point, f there and the points visited.
        @inlinable
        public init(parameters: [Double], loss: Double, points: Int) {
            self.parameters = parameters
            self.loss = loss
            self.points = points
        }
    }

    /// Searches the grid for the least value of `objective` (over all its data rows), on one thread.
    ///
    /// With a `solved` parameter, each grid point holds the rest of θ on the objective's line
    /// along it (`Objective.line`), so an expression runs what that parameter does not reach
    /// once per point and only the rest per line-search probe.
    @inlinable
    public func run<O: Objective>(_ objective: O, base: [Double]) -> Result {
        search(slices: 0..<sliceCount, objective, base: base)
    }

    /// The same search spread over the machine's cores, each piece of the grid on its own
    /// objective from `make` (objectives own scratch memory).
    ///
    /// The result is `run(_:base:)`'s, bit for bit: a piece is a run of consecutive grid points
    /// visited in grid order from `base`, and the pieces' bests are compared in grid order, the
    /// first least one winning, as a single walk keeps the first least point.
    @inlinable
    public func run<O: Objective>(base: [Double], make: () -> O) -> Result {
        let pieces = self.pieces(min(sliceCount, 4 * ProcessInfo.processInfo.activeProcessorCount))
        // The body throws nothing, so neither does the map.
        let parts = try! Parallel.map(pieces.count) { k in search(slices: pieces[k], make(), base: base) }
        var best = Result(parameters: base, loss: .infinity, points: 0)
        for part in parts {
            best.points += part.points
            if part.loss < best.loss { (best.loss, best.parameters) = (part.loss, part.parameters) }
        }
        return best
    }

    // MARK: - Slices of the grid

    /// The grid cut along its first axis: slice s holds the points whose first coordinate is its
    /// s-th value (the first simplex member's count, the first box's step); a grid with no axis
    /// to cut (one simplex member, no boxes) is one slice, an empty simplex none.
    @usableFromInline
    var sliceCount: Int {
        switch domain {
        case .simplex(let group): return group.count >= 2 ? resolution + 1 : group.count
        case .boxes(let boxes): return boxes.isEmpty ? 1 : resolution + 1
        }
    }

    /// Points in slice s: C(r − s + k − 2, k − 2) on a k-simplex, (r + 1)^(k − 1) for k boxes.
    @usableFromInline
    func sliceWeight(_ s: Int) -> Double {
        switch domain {
        case .simplex(let group):
            guard group.count >= 2 else { return 1 }
            var count = 1.0
            for j in 1..<(group.count - 1) { count = count * Double(resolution - s + j) / Double(j) }
            return count
        case .boxes(let boxes):
            var count = 1.0
            for _ in boxes.dropFirst() { count *= Double(resolution + 1) }
            return count
        }
    }

    /// At most `count` ranges of consecutive slices, in order, covering them all, of about equal points.
    @usableFromInline
    func pieces(_ count: Int) -> [Range<Int>] {
        let weights = (0..<sliceCount).map(sliceWeight)
        let total = weights.reduce(0, +)
        var ranges: [Range<Int>] = []
        var start = 0, sum = 0.0
        for (s, weight) in weights.enumerated() {
            sum += weight
            if sum >= total * Double(ranges.count + 1) / Double(count) || s == sliceCount - 1 {
                ranges.append(start..<(s + 1))
                start = s + 1
            }
        }
        return ranges
    }

    // MARK: - The walk

    /// The least point of `slices`, f evaluated on `objective` (over all its data rows).
    @inlinable
    func search<O: Objective>(slices: Range<Int>, _ objective: O, base: [Double]) -> Result {
        let rows = objective.allRows
        guard let solved else {
            return rows.withUnsafeBufferPointer { r in
                walk(slices, base: base) { t in objective.loss(at: UnsafeBufferPointer(t), rows: r) }
            }
        }
        var line = objective.line(along: solved.index, rows: rows)
        return walk(slices, base: base) { t in
            line.hold(UnsafeBufferPointer(t))
            let found = LineMinimizer.minimize(in: solved.range) { x in line.loss(at: x) }
            t[solved.index] = found.x
            return found.value
        }
    }

    /// Visits the grid points of `slices` in grid order, θ = `base` with the point's coordinates
    /// set, and keeps the first with the least `value(θ)` (which may set further entries of θ).
    @inlinable
    func walk(
        _ slices: Range<Int>, base: [Double], _ value: (UnsafeMutableBufferPointer<Double>) -> Double
    ) -> Result {
        var theta = base
        var best = Result(parameters: base, loss: .infinity, points: 0)
        theta.withUnsafeMutableBufferPointer { t in
            func visit() {
                best.points += 1
                let f = value(t)
                if f < best.loss { best.loss = f; best.parameters = Array(t) }
            }
            switch domain {
            case .simplex(let group):
                var counts = [Int](repeating: 0, count: group.count)
                func fill(_ k: Int, _ remaining: Int) {
                    if k == group.count - 1 {
                        counts[k] = remaining
                        for (j, i) in group.enumerated() { t[i] = Double(counts[j]) / Double(resolution) }
                        visit()
                        return
                    }
                    for c in k == 0 ? slices : 0..<(remaining + 1) {
                        counts[k] = c
                        fill(k + 1, remaining - c)
                    }
                }
                if !group.isEmpty && !slices.isEmpty { fill(0, resolution) }
            case .boxes(let boxes):
                func fill(_ k: Int) {
                    if k == boxes.count { visit(); return }
                    let box = boxes[k]
                    for step in k == 0 ? slices : 0..<(resolution + 1) {
                        let fraction = Double(step) / Double(resolution)
                        t[box.index] = step == resolution ? box.range.upperBound
                            : box.range.lowerBound + fraction * (box.range.upperBound - box.range.lowerBound)
                        fill(k + 1)
                    }
                }
                if !slices.isEmpty { fill(0) }
            }
        }
        return best
    }
}
