/// Beale's function, flat plateaus and sharp ridges:
/// ```
/// f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²
/// with tₖ = cₖ − x + x yᵏ:
/// ∂f/∂x = Σₖ 2 tₖ (yᵏ − 1),   ∂f/∂y = Σₖ 2 tₖ k x yᵏ⁻¹
/// minimum f(3, 0.5) = 0
/// ```
public struct Beale: ReferenceObjective, Sendable, Equatable {
    /// Names of the two parameters (default `x, y`).
    public let parameterNames: [String]
    /// Always 0: no data.
    public var rowCount: Int { 0 }

    /// Beale's function over two named parameters.
    public init(parameterNames: [String] = ["x", "y"]) {
        precondition(parameterNames.count == 2, "Beale's function has 2 parameters")
        self.parameterNames = parameterNames
    }

    /// (3, 0.5).
    public var knownMinima: [[Double]] { [[3, 0.5]] }
    /// 0.
    public var minimumValue: Double { 0 }

    /// Writes ∇f(x, y) into `gradient` and returns f(x, y); `rows` is ignored.
    public func lossAndGradient(
        at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let x = theta[0], y = theta[1]
        let y2 = y * y, y3 = y2 * y
        let t1 = 1.5 - x + x * y
        let t2 = 2.25 - x + x * y2
        let t3 = 2.625 - x + x * y3
        gradient[0] = 2 * t1 * (y - 1) + 2 * t2 * (y2 - 1) + 2 * t3 * (y3 - 1)
        gradient[1] = 2 * t1 * x + 4 * t2 * x * y + 6 * t3 * x * y2
        return t1 * t1 + t2 * t2 + t3 * t3
    }

    /// Returns f(x, y); `rows` is ignored.
    public func loss(at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>) -> Double {
        let x = theta[0], y = theta[1]
        let y2 = y * y, y3 = y2 * y
        let t1 = 1.5 - x + x * y
        let t2 = 2.25 - x + x * y2
        let t3 = 2.625 - x + x * y3
        return t1 * t1 + t2 * t2 + t3 * t3
    }
}
