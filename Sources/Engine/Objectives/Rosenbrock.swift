/// Rosenbrock's banana-shaped valley:
/// ```
/// f(x, y) = (a − x)² + b (y − x²)²
/// ∂f/∂x = −2 (a − x) − 4 b x (y − x²),   ∂f/∂y = 2 b (y − x²)
/// minimum f(a, a²) = 0
/// ```
/// The classic choice is a = 1, b = 100.
public struct Rosenbrock: ReferenceObjective, Sendable, Equatable {
    /// Where the valley bottoms out in x.
    public let a: Double
    /// How steep the valley's walls are.
    public let b: Double
    /// Names of the two parameters (default `x, y`).
    public let parameterNames: [String]
    /// Always 0: no data.
    public var rowCount: Int { 0 }

    /// Rosenbrock's function with coefficients `a`, `b` over two named parameters.
    public init(a: Double = 1, b: Double = 100, parameterNames: [String] = ["x", "y"]) {
        precondition(parameterNames.count == 2, "Rosenbrock's function has 2 parameters")
        self.a = a
        self.b = b
        self.parameterNames = parameterNames
    }

    /// (a, a²).
    public var knownMinima: [[Double]] { [[a, a * a]] }
    /// 0.
    public var minimumValue: Double { 0 }

    /// Writes ∇f(x, y) into `gradient` and returns f(x, y); `rows` is ignored.
    public func lossAndGradient(
        at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let x = theta[0], y = theta[1]
        let u = a - x, w = y - x * x
        gradient[0] = -2 * u - 4 * b * x * w
        gradient[1] = 2 * b * w
        return u * u + b * w * w
    }

    /// Returns f(x, y); `rows` is ignored.
    public func loss(at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>) -> Double {
        let u = a - theta[0], w = theta[1] - theta[0] * theta[0]
        return u * u + b * w * w
    }
}
