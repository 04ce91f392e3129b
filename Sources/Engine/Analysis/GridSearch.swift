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
    }

    /// Searches the grid for the least value of `objective` (over all its data rows).
    public func run<O: Objective>(_ objective: O, base: [Double]) -> Result {
        let rows = objective.allRows
        var theta = base
        var best = Result(parameters: base, loss: .infinity, points: 0)
        rows.withUnsafeBufferPointer { rowBuffer in
            theta.withUnsafeMutableBufferPointer { t in
                let view = UnsafeBufferPointer(t)
                func visit() {
                    best.points += 1
                    var value: Double
                    if let solved {
                        let found = LineMinimizer.minimize(in: solved.range) { x in
                            t[solved.index] = x
                            return objective.loss(at: view, rows: rowBuffer)
                        }
                        t[solved.index] = found.x
                        value = found.value
                    } else {
                        value = objective.loss(at: view, rows: rowBuffer)
                    }
                    if value < best.loss { best.loss = value; best.parameters = Array(view) }
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
                        for c in 0...remaining {
                            counts[k] = c
                            fill(k + 1, remaining - c)
                        }
                    }
                    if !group.isEmpty { fill(0, resolution) }
                case .boxes(let boxes):
                    func fill(_ k: Int) {
                        if k == boxes.count { visit(); return }
                        let box = boxes[k]
                        for step in 0...resolution {
                            let fraction = Double(step) / Double(resolution)
                            t[box.index] = step == resolution ? box.range.upperBound
                                : box.range.lowerBound + fraction * (box.range.upperBound - box.range.lowerBound)
                            fill(k + 1)
                        }
                    }
                    fill(0)
                }
            }
        }
        return best
    }
}
