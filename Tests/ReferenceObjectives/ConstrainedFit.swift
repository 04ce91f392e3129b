import Engine
import Trace

/// The constrained fit from the CVXPY question ("DCPError for a convex
/// function"), with the question's data y (1×5) and C (4×5):
/// ```
/// s = a C                     (sⱼ = Σᵢ aᵢ Cᵢⱼ, j = 1…5)
/// rⱼ = yⱼ − (sⱼ + b sⱼ²)
/// f(a, b) = Σⱼ rⱼ²
/// ∂f/∂aᵢ = −2 Σⱼ rⱼ (1 + 2 b sⱼ) Cᵢⱼ
/// ∂f/∂b  = −2 Σⱼ rⱼ sⱼ²
/// ```
/// The question's constraints (a on the probability simplex, b in
/// [−100, 100]) are not part of the objective: a run imposes them with a
/// simplex group on `a1…a4` and a box on `b` (see `simplexIndices`,
/// `bIndex`, `bBounds`).
///
/// f is not convex on the feasible set (b multiplies a convex function of a,
/// so the modelling tool's rules cannot certify its curvature, and a chord
/// really does lie below it: `nonConvexityWitness()`). For fixed a, though,
/// f is a convex parabola in b, which `bestB(a:)` solves exactly and
/// `gridSearch(resolution:)` uses for an independent check of descent.
///
/// Parameters, in order: `a1, a2, a3, a4, b` (names may be replaced). No data rows.
public struct ConstrainedFit: Objective, Sendable, Equatable {
    /// The question's target row y (1×5).
    public static let y: [Double] = [0.10394265, 0.25867508, 0.31258457, 0.36452763, 0.36608997]

    /// The question's matrix C (4×5), one inner array per row (per aᵢ).
    public static let c: [[Double]] = [
        [0, 0.00169811, 0.01679245, 0.04075472, 0.03773585],
        [0, 0.00892802, 0.03154158, 0.06091544, 0.07315024],
        [0, 0.00962264, 0.03245283, 0.06245283, 0.07283019],
        [0.04396226, 0.05245283, 0.12245283, 0.18358491, 0.23886792],
    ]

    /// The default parameter names: `a1, a2, a3, a4, b`.
    public static let defaultParameterNames = ["a1", "a2", "a3", "a4", "b"]
    /// Indices of a1…a4, the group a run projects onto the simplex: `[0, 1, 2, 3]`.
    public static let simplexIndices = [0, 1, 2, 3]
    /// Index of b in the parameter vector: 4.
    public static let bIndex = 4
    /// The question's bounds on b: [−100, 100].
    public static let bBounds: ClosedRange<Double> = -100...100

    /// Number of weights aᵢ (rows of C): 4.
    public static let weightCount = 4
    /// Number of data points (columns of C, entries of y): 5.
    public static let pointCount = 5

    /// C flattened row-major (`cFlat[i * 5 + j] = Cᵢⱼ`), kept for the hot loop.
    @usableFromInline static let cFlat: [Double] = c.flatMap { $0 }

    /// Names of the parameters, in the order of the flat vector.
    public let parameterNames: [String]
    /// Always 0: the data are fixed, not rows.
    public var rowCount: Int { 0 }

    /// The question's fit over five named parameters (default `a1, a2, a3, a4, b`).
    public init(parameterNames: [String] = ConstrainedFit.defaultParameterNames) {
        precondition(parameterNames.count == 5, "the constrained fit has 5 parameters (a1…a4, b)")
        self.parameterNames = parameterNames
    }

    /// Writes ∇f(a, b) into `gradient` and returns f(a, b); `rows` is ignored.
    public func lossAndGradient(
        at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let a0 = theta[0], a1 = theta[1], a2 = theta[2], a3 = theta[3], b = theta[4]
        var g0 = 0.0, g1 = 0.0, g2 = 0.0, g3 = 0.0, gb = 0.0
        var f = 0.0
        Self.cFlat.withUnsafeBufferPointer { c in
            Self.y.withUnsafeBufferPointer { y in
                for j in 0..<5 {
                    let c0 = c[j], c1 = c[5 + j], c2 = c[10 + j], c3 = c[15 + j]
                    let s = a0 * c0 + a1 * c1 + a2 * c2 + a3 * c3
                    let s2 = s * s
                    let r = y[j] - (s + b * s2)
                    f += r * r
                    // ∂f/∂s = −2 r (1 + 2 b s); chain through s = a C.
                    let ds = -2 * r * (1 + 2 * b * s)
                    g0 += ds * c0
                    g1 += ds * c1
                    g2 += ds * c2
                    g3 += ds * c3
                    gb -= 2 * r * s2
                }
            }
        }
        gradient[0] = g0
        gradient[1] = g1
        gradient[2] = g2
        gradient[3] = g3
        gradient[4] = gb
        return f
    }

    /// Returns f(a, b); `rows` is ignored.
    public func loss(at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>) -> Double {
        Self.value(theta[0], theta[1], theta[2], theta[3], b: theta[4])
    }

    /// f(a, b) for a = (a1, a2, a3, a4).
    @inlinable
    static func value(_ a0: Double, _ a1: Double, _ a2: Double, _ a3: Double, b: Double) -> Double {
        var f = 0.0
        cFlat.withUnsafeBufferPointer { c in
            y.withUnsafeBufferPointer { y in
                for j in 0..<5 {
                    let s = a0 * c[j] + a1 * c[5 + j] + a2 * c[10 + j] + a3 * c[15 + j]
                    let r = y[j] - (s + b * s * s)
                    f += r * r
                }
            }
        }
        return f
    }

    /// The objective as an expression over `parameterNames` (it parses to the same function).
    public var formula: String {
        let a = parameterNames[0..<4], b = parameterNames[4]
        let terms = (0..<5).map { j -> String in
            let products = (0..<4).filter { Self.c[$0][j] != 0 }.map { "\(NumberText.plain(Self.c[$0][j]))*\(a[a.startIndex + $0])" }
            let s = "(" + products.joined(separator: " + ") + ")"
            return "(\(NumberText.plain(Self.y[j])) - (\(s) + \(b)*\(s)^2))^2"
        }
        return terms.joined(separator: " + ")
    }
}
