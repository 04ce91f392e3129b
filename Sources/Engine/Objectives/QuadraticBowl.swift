/// An axis-aligned quadratic bowl with the given curvatures (the Hessian's
/// eigenvalues):
/// ```
/// f(θ) = ½ Σᵢ λᵢ θᵢ²,   ∂f/∂θᵢ = λᵢ θᵢ,   minimum f(0) = 0
/// ```
/// λ = (1, 10) gives the reference problem f(x, y) = 0.5 (x² + 10 y²).
/// Plain gradient descent with rate η is stable exactly when η < 2/λmax.
public struct QuadraticBowl: ReferenceObjective, Sendable, Equatable {
    /// λᵢ, one per parameter, all positive.
    public let curvatures: [Double]
    /// Names of the parameters, in the order of the flat vector.
    public let parameterNames: [String]
    /// Always 0: the bowl has no data.
    public var rowCount: Int { 0 }

    /// A bowl with curvatures λ (positive and finite) and optional parameter names
    /// (default `x, y, …`); see `BuiltinObjective(named:)` for a throwing front door.
    public init(curvatures: [Double] = [1, 10], parameterNames: [String]? = nil) {
        precondition(!curvatures.isEmpty && curvatures.allSatisfy { $0 > 0 && $0.isFinite }, "curvatures must be positive and finite")
        let names = parameterNames ?? defaultParameterNames(count: curvatures.count)
        precondition(names.count == curvatures.count, "one parameter name per curvature")
        self.curvatures = curvatures
        self.parameterNames = names
    }

    /// The Hessian's eigenvalues, λᵢ (the Hessian is diag(λ)).
    public var hessianEigenvalues: [Double] { curvatures }

    /// The largest learning rate for which gradient descent does not diverge:
    /// ```
    /// η < 2 / λmax
    /// ```
    public var stabilityLimit: Double { 2 / curvatures.max()! }

    /// The origin.
    public var knownMinima: [[Double]] { [Array(repeating: 0, count: curvatures.count)] }
    /// 0.
    public var minimumValue: Double { 0 }

    /// Writes ∇f(θ) into `gradient` and returns f(θ); `rows` is ignored.
    public func lossAndGradient(
        at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        var f = 0.0
        for i in 0..<curvatures.count {
            let g = curvatures[i] * theta[i]
            gradient[i] = g
            f += g * theta[i]
        }
        return 0.5 * f
    }

    /// Returns f(θ); `rows` is ignored.
    public func loss(at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>) -> Double {
        var f = 0.0
        for i in 0..<curvatures.count { f += curvatures[i] * theta[i] * theta[i] }
        return 0.5 * f
    }
}
