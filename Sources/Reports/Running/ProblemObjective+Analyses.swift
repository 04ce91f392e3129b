import Engine

extension ProblemObjective {
    /// `ConvexityProbe.probe` on this objective.
    func probeConvexity(points: [[Double]]) -> ConvexityProbe.Result {
        switch self {
        case .expression(let o): return ConvexityProbe.probe(o, points: points)
        case .builtin(let o): return ConvexityProbe.probe(o, points: points)
        }
    }

    /// `search` run on this objective from `base`.
    func gridSearch(_ search: GridSearch, base: [Double]) -> GridSearch.Result {
        switch self {
        case .expression(let o): return search.run(o, base: base)
        case .builtin(let o): return search.run(o, base: base)
        }
    }

    /// The gradient over all data rows at θ.
    func gradient(at theta: [Double]) -> [Double] { evaluate(at: theta).gradient }
}
