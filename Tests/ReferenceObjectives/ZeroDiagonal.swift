import Engine
import Trace

/// Self-expression with a zero diagonal, from the TensorFlow question: write
/// every point as a combination of the *other* points.
///
/// X is d×n (default 5×20, `points`), C is n×n; xᵢ and cᵢ are their columns:
/// ```
/// f(C) = Σᵢ ‖xᵢ − X cᵢ‖² + λ Σᵢ ‖cᵢ‖₂ + κ Σᵢ Cᵢᵢ²        λ = 0.1; κ = 0 or 1
///
/// ∂f/∂Cⱼᵢ = 2 (Xᵀ (X cᵢ − xᵢ))ⱼ + λ Cⱼᵢ / ‖cᵢ‖₂ + 2 κ Cᵢᵢ [j = i]
/// ```
/// The question wants Cᵢᵢ = 0 (else C = I fits perfectly). Two ways:
/// - hard constraint (κ = 0): a run holds the diagonal at zero with the
///   engine's `fixed` constraint (`diagonalIndices`) and a start of 0 there;
/// - penalty (the thread's answer, κ > 0): κ Σ Cᵢᵢ² pulls the diagonal
///   towards zero but does not make it zero.
///
/// **At a zero column.** ‖cᵢ‖₂ has no derivative at cᵢ = 0 (it is a cone's
/// tip). The engine uses the subgradient 0 there:
/// ```
/// ∂(λ ‖cᵢ‖₂)/∂cᵢ = λ cᵢ / ‖cᵢ‖₂   if cᵢ ≠ 0
///                 = 0              if cᵢ = 0
/// ```
/// 0 is a valid subgradient (any vector of length ≤ λ is one) and the
/// smallest, as `abs'(0) = 0` in the expression language. (TensorFlow's
/// `sqrt(reduce_sum(square(c)))` gives NaN there instead: ∞ · 0.) From the
/// usual start C = 0 every column is zero, so the first step is driven by the
/// fit term alone.
///
/// Parameters: C row-major, named `C_j_i` for Cⱼᵢ (row j, column i, 0-based),
/// flat index j·n + i; so column i (the coefficients of point i) is the
/// entries i, n + i, 2n + i, …. The names are plain identifiers (they also work
/// in the expression language and CSV headers). Evaluation allocates nothing
/// (a d-long residual lives on the stack).
public struct ZeroDiagonal: Objective, Sendable, Equatable {
    /// The seed `points` are drawn with by default.
    public static let defaultSeed: UInt64 = 2_024
    /// λ of the group norm term by default: 0.1.
    public static let defaultLambda = 0.1
    /// κ of the named penalty variant (`zero-diagonal-penalty`): 1.
    public static let defaultPenalty = 1.0

    /// The dimension d of each point (rows of X).
    public let dimension: Int
    /// The number of points n (columns of X; C is n×n).
    public let pointCount: Int
    /// X, d×n, row-major: `points[k * n + i]` is coordinate k of point xᵢ.
    public let points: [Double]
    /// Which subspace each point was drawn from: 0 for the first n/2 points, 1 for the rest.
    public let membership: [Int]
    /// The weight λ of Σᵢ ‖cᵢ‖₂.
    public let lambda: Double
    /// The weight κ of the diagonal penalty Σᵢ Cᵢᵢ² (0: no penalty).
    public let penalty: Double
    /// Names of the parameters, in the order of the flat vector.
    public let parameterNames: [String]
    /// Always 0: X is fixed, not rows.
    public var rowCount: Int { 0 }

    /// The objective on `makePoints(dimension:count:seed:)` with weights λ and κ.
    public init(dimension: Int = 5, pointCount: Int = 20, seed: UInt64 = ZeroDiagonal.defaultSeed,
                lambda: Double = ZeroDiagonal.defaultLambda, penalty: Double = 0, parameterNames: [String]? = nil) {
        precondition(dimension >= 2 && pointCount >= 2, "needs d ≥ 2 and n ≥ 2")
        let names = parameterNames ?? ZeroDiagonal.entryNames(pointCount: pointCount)
        precondition(names.count == pointCount * pointCount, "one parameter name per entry of C")
        self.dimension = dimension
        self.pointCount = pointCount
        self.points = ZeroDiagonal.makePoints(dimension: dimension, count: pointCount, seed: seed)
        self.membership = (0..<pointCount).map { $0 < pointCount / 2 ? 0 : 1 }
        self.lambda = lambda
        self.penalty = penalty
        self.parameterNames = names
    }

    /// The names `C_j_i` of Cⱼᵢ, row-major (j = row, i = column).
    public static func entryNames(pointCount n: Int) -> [String] {
        (0..<n).flatMap { j in (0..<n).map { i in "C_\(j)_\(i)" } }
    }

    /// Flat indices of the diagonal C₀₀, C₁₁, …: i·n + i. Hand them to the `fixed` constraint.
    public var diagonalIndices: [Int] { (0..<pointCount).map { $0 * pointCount + $0 } }

    /// Σᵢ Cᵢᵢ², the diagonal's size, for a parameter vector.
    public func diagonalSize(of theta: [Double]) -> Double {
        precondition(theta.count == pointCount * pointCount, "one value per entry of C")
        return diagonalIndices.reduce(0) { $0 + theta[$1] * theta[$1] }
    }

    /// Writes ∇f(C) into `gradient` and returns f(C); `rows` is ignored.
    public func lossAndGradient(
        at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        evaluate(theta, gradient: gradient).total
    }

    /// Returns f(C); `rows` is ignored.
    public func loss(at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>) -> Double {
        evaluate(theta, gradient: nil).total
    }

    /// The three terms of f at C: Σ‖xᵢ − X cᵢ‖², λ Σ‖cᵢ‖₂ and κ Σ Cᵢᵢ² (their sum is f).
    public func terms(at theta: [Double]) -> (fit: Double, norm: Double, penalty: Double) {
        precondition(theta.count == pointCount * pointCount, "one value per entry of C")
        let t = theta.withUnsafeBufferPointer { evaluate($0, gradient: nil) }
        return (t.fit, t.norm, t.penalty)
    }

    /// One pass over the columns; the gradient only when a buffer is given.
    func evaluate(
        _ theta: UnsafeBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>?
    ) -> (total: Double, fit: Double, norm: Double, penalty: Double) {
        let d = dimension, n = pointCount
        var fit = 0.0, norm = 0.0, diagonal = 0.0
        points.withUnsafeBufferPointer { x in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: d) { residual in
                for i in 0..<n {
                    // residual = X cᵢ − xᵢ
                    var length2 = 0.0
                    for k in 0..<d { residual[k] = -x[k * n + i] }
                    for j in 0..<n {
                        let cji = theta[j * n + i]
                        length2 += cji * cji
                        if cji != 0 {
                            for k in 0..<d { residual[k] += x[k * n + j] * cji }
                        }
                    }
                    for k in 0..<d { fit += residual[k] * residual[k] }
                    let length = length2.squareRoot()
                    norm += length
                    let cii = theta[i * n + i]
                    diagonal += cii * cii
                    guard let gradient else { continue }
                    // Subgradient 0 at a zero column (see the type's documentation).
                    let shrink = length > 0 ? lambda / length : 0
                    for j in 0..<n {
                        var g = 0.0
                        for k in 0..<d { g += x[k * n + j] * residual[k] }
                        gradient[j * n + i] = 2 * g + shrink * theta[j * n + i]
                    }
                    gradient[i * n + i] += 2 * penalty * cii
                }
            }
        }
        let total = fit + lambda * norm + penalty * diagonal
        return (total, fit, lambda * norm, penalty * diagonal)
    }

    /// The points X (d×n, row-major): two random 2-D subspaces of Rᵈ, the
    /// first ⌊n/2⌋ points in subspace 0 and the rest in subspace 1, each
    /// point scaled to length 1. Same seed, same points on every machine.
    ///
    /// ```
    /// Uₛ ∈ R^{d×2},  entries uniform in [−1, 1)          (s = 0, 1)
    /// wᵢ ∈ R²,       entries uniform in [−1, 1)
    /// xᵢ = U_{s(i)} wᵢ / ‖U_{s(i)} wᵢ‖
    /// ```
    /// drawn from one `SeededGenerator(seed:)` in this order: U₀ (row-major),
    /// U₁, then w₀, w₁, … .
    public static func makePoints(dimension d: Int, count n: Int, seed: UInt64) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        func uniform() -> Double { 2 * generator.unit() - 1 }
        let bases = (0..<2).map { _ in (0..<(d * 2)).map { _ in uniform() } }
        var x = [Double](repeating: 0, count: d * n)
        for i in 0..<n {
            let basis = bases[i < n / 2 ? 0 : 1]
            var w = (uniform(), uniform())
            var column = (0..<d).map { k in basis[k * 2] * w.0 + basis[k * 2 + 1] * w.1 }
            var length = column.reduce(0) { $0 + $1 * $1 }.squareRoot()
            // A (vanishingly unlikely) zero combination is redrawn so every point has length 1.
            while length < 1e-9 {
                w = (uniform(), uniform())
                column = (0..<d).map { k in basis[k * 2] * w.0 + basis[k * 2 + 1] * w.1 }
                length = column.reduce(0) { $0 + $1 * $1 }.squareRoot()
            }
            for k in 0..<d { x[k * n + i] = column[k] / length }
        }
        return x
    }
}

extension ZeroDiagonal {
    /// The objective in mathematical notation, for handouts (it is not in the
    /// expression language; see `expandedFormula`), e.g. with the penalty:
    /// `Σᵢ ‖xᵢ − X cᵢ‖² + 0.1·Σᵢ ‖cᵢ‖ + 1·Σᵢ Cᵢᵢ²`.
    public var formula: String {
        let norm = "Σᵢ ‖xᵢ − X cᵢ‖² + \(NumberText.plain(lambda))·Σᵢ ‖cᵢ‖"
        return penalty == 0 ? norm : norm + " + \(NumberText.plain(penalty))·Σᵢ Cᵢᵢ²"
    }

    /// The objective written out as an expression over `parameterNames`, with
    /// X's values as numbers: it parses to the same function. Meant for
    /// checking, not reading; it fits the expression language's length limit
    /// (10,000 characters) only for small problems, about d = 3, n = 5. The
    /// language's sqrt'(0) is +∞, so its gradient differs from this
    /// objective's only at a zero column.
    public var expandedFormula: String {
        let n = pointCount, d = dimension
        let fit = (0..<n).map { i in
            "(" + (0..<d).map { k in
                let combination = (0..<n).map { j in "\(NumberText.plain(points[k * n + j]))*\(parameterNames[j * n + i])" }
                return "(\(NumberText.plain(points[k * n + i])) - (\(combination.joined(separator: " + "))))^2"
            }.joined(separator: " + ") + ")"
        }.joined(separator: " + ")
        let norms = (0..<n).map { i in
            "sqrt(" + (0..<n).map { j in "\(parameterNames[j * n + i])^2" }.joined(separator: " + ") + ")"
        }.joined(separator: " + ")
        var text = "\(fit) + \(NumberText.plain(lambda))*(\(norms))"
        if penalty != 0 {
            let diagonal = (0..<n).map { "\(parameterNames[$0 * n + $0])^2" }.joined(separator: " + ")
            text += " + \(NumberText.plain(penalty))*(\(diagonal))"
        }
        return text
    }
}
