import Foundation

extension Constraints {
    /// `count` points drawn uniformly from the feasible set around `base`, with one seeded
    /// generator (the same seed gives the same points everywhere).
    ///
    /// Each simplex group is drawn uniformly from the probability simplex (flat Dirichlet:
    /// −log u, normalised); each boxed parameter outside the groups uniformly from its box;
    /// every other parameter keeps its value in `base`. Parameters in the order above, point
    /// after point. Boxes must have a finite width.
    public func samples(count: Int, seed: UInt64, base: [Double]) -> [[Double]] {
        var generator = SeededGenerator(seed: seed)
        var points: [[Double]] = []
        points.reserveCapacity(count)
        for _ in 0..<count {
            var point = base
            for group in simplexGroups {
                let draws = group.map { _ in -log(1 - generator.unit()) }
                let total = draws.reduce(0, +)
                for (k, i) in group.enumerated() { point[i] = draws[k] / total }
            }
            for box in boxes where !simplexGroups.contains(where: { $0.contains(box.index) }) {
                point[box.index] = box.lower + (box.upper - box.lower) * generator.unit()
            }
            points.append(point)
        }
        return points
    }
}
