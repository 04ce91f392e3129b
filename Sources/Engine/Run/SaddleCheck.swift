import Trace

/// Whether a point where the gradient rule fired is a saddle point, from the numeric Hessian of the objective over all data.
///
/// ```
/// H ≈ central differences of ∇f (see `Hessian.numeric`),   λ_min = smallest eigenvalue, u its eigenvector
/// saddle  ⇔  λ_min < −10⁻⁶ · max(1, max |λ|)       named by the parameter i with the largest |u_i|
/// ```
/// The relative threshold keeps finite-difference noise at a minimum (and a
/// flat direction, λ = 0) from reading as negative curvature. Skipped above
/// `parameterLimit` parameters, where the n gradient pairs would cost more
/// than the run.
@usableFromInline
enum SaddleCheck {
    /// The most parameters the check looks at.
    static let parameterLimit = 50

    /// The saddle verdict at θ, or nil when the Hessian has no clearly negative eigenvalue (or θ is too wide to check).
    @usableFromInline @inline(never)
    static func verdict<O: Objective>(_ objective: O, at theta: UnsafeMutableBufferPointer<Double>) -> Verdict? {
        guard theta.count <= parameterLimit else { return nil }
        let rows = objective.allRows
        let h = Hessian.numeric(at: Array(theta)) { objective.evaluate(at: $0, rows: rows).gradient }
        let pairs = Hessian.eigen(h)
        guard let lowest = pairs.first, lowest.value.isFinite else { return nil }
        let largest = pairs.map { $0.value.magnitude }.max() ?? 0
        guard lowest.value < -1e-6 * max(1, largest) else { return nil }
        let along = lowest.vector.indices.max { lowest.vector[$0].magnitude < lowest.vector[$1].magnitude } ?? 0
        return .saddle(eigenvalue: lowest.value, parameter: objective.parameterNames[along])
    }
}
