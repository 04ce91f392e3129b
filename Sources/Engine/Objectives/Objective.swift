/// A differentiable loss over a flat vector of float64 parameters.
///
/// The run loop is generic over this protocol, so a concrete objective is
/// specialised into the loop: no existential dispatch per step. Objectives
/// keep any scratch memory they need (a tape's value and adjoint buffers)
/// in storage they own, allocated once, never per call.
///
/// With data, the loss of a batch is the mean of the per-row losses:
/// ```
/// L(θ; B) = (1/|B|) Σ_{r ∈ B} ℓ(θ; row r)
/// ```
/// Without data (`rowCount == 0`) `rows` is empty and ignored.
public protocol Objective {
    /// Names of the parameters, in the order of the flat vector.
    var parameterNames: [String] { get }
    /// Number of data rows; 0 when the objective has no data.
    var rowCount: Int { get }
    /// Writes ∇L(θ; rows) into `gradient` (overwriting it) and returns L(θ; rows).
    func lossAndGradient(
        at theta: UnsafeBufferPointer<Double>,
        rows: UnsafeBufferPointer<Int>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double
    /// Returns L(θ; rows) without the gradient.
    func loss(at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>) -> Double

    /// Why the loss or its gradient over all data is not finite at θ, in words (`1/x divides by zero`),
    /// when the objective can tell; nil otherwise. For error messages only (see `checkStart`).
    func explainNonFinite(at theta: [Double]) -> String?

    /// How `line(along:rows:)` evaluates: `FullEvaluationLine` unless the objective has a cheaper one.
    associatedtype Line: ObjectiveLine = FullEvaluationLine<Self>
    /// L(θ; rows) along parameter `index` with the others held (see `ObjectiveLine`): a new line
    /// with its own scratch memory, giving exactly what `loss(at:rows:)` gives.
    func line(along index: Int, rows: [Int]) -> Line
}

extension Objective {
    /// Objectives that cannot tell say nothing.
    public func explainNonFinite(at theta: [Double]) -> String? { nil }
}

extension Objective where Line == FullEvaluationLine<Self> {
    /// Objectives without a cheaper line evaluate all of themselves at every point of it.
    public func line(along index: Int, rows: [Int]) -> FullEvaluationLine<Self> {
        FullEvaluationLine(self, along: index, rows: rows)
    }
}
