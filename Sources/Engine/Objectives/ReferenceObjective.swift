/// A test function from the optimization literature: no data, an exact
/// hand-written gradient and minima known in closed form (or to full precision).
public protocol ReferenceObjective: Objective {
    /// Points where the global minimum is attained.
    var knownMinima: [[Double]] { get }
    /// The function's value at every point of `knownMinima`.
    var minimumValue: Double { get }
}

/// Default parameter names for an n-dimensional test function:
/// `x`, `x y`, `x y z`, then `x1 … xn`.
func defaultParameterNames(count: Int) -> [String] {
    switch count {
    case 1: return ["x"]
    case 2: return ["x", "y"]
    case 3: return ["x", "y", "z"]
    default: return (1...max(count, 1)).map { "x\($0)" }
    }
}
