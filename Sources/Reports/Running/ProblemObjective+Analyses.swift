import Engine

extension ProblemObjective {
    /// `ConvexityProbe.probe` on this objective.
    func probeConvexity(points: [[Double]]) -> ConvexityProbe.Result {
        switch self {
        case .expression(let o): return ConvexityProbe.probe(o, points: points)
        case .builtin(let o): return ConvexityProbe.probe(o, points: points)
        }
    }

    /// `search` run on this objective from `base`, on every core (an expression copied per piece of the grid).
    func gridSearch(_ search: GridSearch, base: [Double]) -> GridSearch.Result {
        switch self {
        case .expression(let o): return search.run(base: base) { o.copy() }
        case .builtin(let o): return search.run(base: base) { o }
        }
    }

    /// The gradient over all data rows at θ.
    func gradient(at theta: [Double]) -> [Double] { evaluate(at: theta).gradient }
}
