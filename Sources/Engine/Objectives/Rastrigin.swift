#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Rastrigin's function in n dimensions, a bowl covered in local minima:
/// ```
/// f(θ) = A n + Σᵢ (θᵢ² − A cos(2π θᵢ)),   ∂f/∂θᵢ = 2 θᵢ + 2π A sin(2π θᵢ)
/// A = 10, minimum f(0) = 0
/// ```
public struct Rastrigin: ReferenceObjective, Sendable, Equatable {
    /// The ripple amplitude A.
    public let amplitude: Double
    /// Names of the parameters (default `x, y` in 2-D).
    public let parameterNames: [String]
    /// Always 0: no data.
    public var rowCount: Int { 0 }

    /// Rastrigin's function in `dimension` dimensions with amplitude A; the names,
    /// if given, set the dimension.
    public init(dimension: Int = 2, amplitude: Double = 10, parameterNames: [String]? = nil) {
        let names = parameterNames ?? defaultParameterNames(count: dimension)
        precondition(!names.isEmpty, "Rastrigin's function needs at least one parameter")
        self.amplitude = amplitude
        self.parameterNames = names
    }

    /// The origin.
    public var knownMinima: [[Double]] { [Array(repeating: 0, count: parameterNames.count)] }
    /// 0.
    public var minimumValue: Double { 0 }

    /// Writes ∇f(θ) into `gradient` and returns f(θ); `rows` is ignored.
    public func lossAndGradient(
        at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let twoPi = 2 * Double.pi
        var f = amplitude * Double(parameterNames.count)
        for i in 0..<parameterNames.count {
            let x = theta[i]
            f += x * x - amplitude * cos(twoPi * x)
            gradient[i] = 2 * x + twoPi * amplitude * sin(twoPi * x)
        }
        return f
    }

    /// Returns f(θ); `rows` is ignored.
    public func loss(at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>) -> Double {
        var f = amplitude * Double(parameterNames.count)
        for i in 0..<parameterNames.count {
            let x = theta[i]
            f += x * x - amplitude * cos(2 * Double.pi * x)
        }
        return f
    }
}
