/// Himmelblau's function, four minima of equal depth:
/// ```
/// f(x, y) = (x² + y − 11)² + (x + y² − 7)²
/// ∂f/∂x = 4x (x² + y − 11) + 2 (x + y² − 7)
/// ∂f/∂y = 2 (x² + y − 11) + 4y (x + y² − 7)
/// minima f = 0 at (3, 2), (−2.805118…, 3.131312…), (−3.779310…, −3.283186…), (3.584428…, −1.848126…)
/// ```
public struct Himmelblau: ReferenceObjective, Sendable, Equatable {
    /// Names of the two parameters (default `x, y`).
    public let parameterNames: [String]
    /// Always 0: no data.
    public var rowCount: Int { 0 }

    /// Himmelblau's function over two named parameters.
    public init(parameterNames: [String] = ["x", "y"]) {
        precondition(parameterNames.count == 2, "Himmelblau's function has 2 parameters")
        self.parameterNames = parameterNames
    }

    /// The four minima (the last three are roots of a quartic, given to double precision).
    public var knownMinima: [[Double]] {
        [
            [3, 2],
            [-2.805118086952745, 3.131312518250573],
            [-3.779310253377747, -3.283185991286170],
            [3.584428340330492, -1.848126526964404],
        ]
    }
    /// 0.
    public var minimumValue: Double { 0 }

    /// Writes ∇f(x, y) into `gradient` and returns f(x, y); `rows` is ignored.
    public func lossAndGradient(
        at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let x = theta[0], y = theta[1]
        let u = x * x + y - 11, w = x + y * y - 7
        gradient[0] = 4 * x * u + 2 * w
        gradient[1] = 2 * u + 4 * y * w
        return u * u + w * w
    }

    /// Returns f(x, y); `rows` is ignored.
    public func loss(at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>) -> Double {
        let x = theta[0], y = theta[1]
        let u = x * x + y - 11, w = x + y * y - 7
        return u * u + w * w
    }
}
