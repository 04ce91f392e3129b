/// L(θ; rows) as a function of one parameter θᵢ while every other parameter is held:
/// what a line search along θᵢ evaluates, many times per held point.
///
/// ```
/// line.hold(θ)          // every parameter but θᵢ (θᵢ itself is ignored)
/// line.loss(at: x)      // L(θ with θᵢ = x; rows), bit for bit as `Objective.loss` gives it
/// ```
/// An objective that can tell which of its work θᵢ does not reach does that work once per
/// `hold` and only the rest per `loss(at:)` (`ExpressionObjective`); the default
/// (`FullEvaluationLine`) evaluates the whole objective every time.
///
/// A line owns its scratch memory: one line must not be used from two threads at once.
public protocol ObjectiveLine {
    /// Holds every parameter but the line's at its value in `theta`.
    mutating func hold(_ theta: UnsafeBufferPointer<Double>)
    /// L at the held point with the line's parameter set to `x`.
    mutating func loss(at x: Double) -> Double
}

/// The line of any objective: θ kept in a buffer, the whole objective evaluated at every `loss(at:)`.
public struct FullEvaluationLine<O: Objective>: ObjectiveLine {
    private let objective: O
    private let index: Int
    private let rows: [Int]
    private var theta: [Double]

    /// The line along parameter `index` of `objective`, over data rows `rows`.
    public init(_ objective: O, along index: Int, rows: [Int]) {
        precondition(index >= 0 && index < objective.parameterNames.count, "the line's parameter is out of range")
        self.objective = objective
        self.index = index
        self.rows = rows
        theta = [Double](repeating: 0, count: objective.parameterNames.count)
    }

    /// Holds every parameter at `theta` (the line's own entry is replaced by each probe).
    public mutating func hold(_ theta: UnsafeBufferPointer<Double>) {
        precondition(theta.count == self.theta.count, "θ needs one entry per parameter")
        self.theta.withUnsafeMutableBufferPointer { t in
            for i in 0..<t.count { t[i] = theta[i] }
        }
    }

    /// The loss with the line's parameter at `x`: the whole objective evaluated again.
    public mutating func loss(at x: Double) -> Double {
        theta[index] = x
        return theta.withUnsafeBufferPointer { t in
            rows.withUnsafeBufferPointer { r in objective.loss(at: t, rows: r) }
        }
    }
}
