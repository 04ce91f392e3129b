import Engine

/// The custom Keras loss from the question about Narihira et al.'s
/// scale-invariant and image-gradient terms, on one small image.
///
/// The parameters are a prediction map Y (H×W pixels, default 12×16); the
/// target Y* is a fixed image (`target(height:width:)`). With y = Y* − Y,
/// n = H·W and the mean reduction:
/// ```
/// S(Y) = (1/n) Σₖ yₖ² − λ ((1/n) Σₖ yₖ)²                 scale-invariant term, λ = 0.5
/// G(Y) = (1/n) Σₖ ((Pₓ ⋆ y)ₖ² + (P_y ⋆ y)ₖ²)             image-gradient term
/// L(Y) = S(Y) + G(Y)
///
///       ⎡−1 0 1⎤           ⎡−1 −1 −1⎤
/// Pₓ =  ⎢−1 0 1⎥    P_y =  ⎢ 0  0  0⎥    (Prewitt; ⋆ is correlation)
///       ⎣−1 0 1⎦           ⎣ 1  1  1⎦
///
/// ∂L/∂Yₖ = −(2/n) (yₖ − λ ȳ) − (2/n) Σₚ ((Pₓ ⋆ y)ₚ ∂(Pₓ ⋆ y)ₚ/∂yₖ + (P_y ⋆ y)ₚ ∂(P_y ⋆ y)ₚ/∂yₖ)
/// ```
/// "Gradient" in G means the image's spatial gradient (differences between
/// neighbouring pixels), not the derivative with respect to the parameters.
///
/// The correlation is 'same' size with the border replicated: a pixel
/// outside the image takes the value of the nearest edge pixel. So there are
/// n responses per direction (G's mean has the same n as S's, which makes the
/// sum reduction exactly n times the mean), and an image's border makes no
/// fake edge against zero padding. (Correlation, as deep-learning "conv"
/// layers compute it: Pₓ ⋆ y is positive where y increases to the right,
/// P_y ⋆ y where it increases downwards, rows counted from the top.)
///
/// `Reduction.sumThenMean` is the learner's "mean of a sum": over one image
/// `K.mean(K.sum(…))` is the sum, so every 1/n becomes 1, giving n·L and a
/// gradient n times larger (which multiplies the effective learning rate by n):
/// ```
/// L_sum(Y) = n L(Y) = Σₖ yₖ² − (λ/n) (Σₖ yₖ)² + Σₖ ((Pₓ ⋆ y)ₖ² + (P_y ⋆ y)ₖ²)
/// ```
/// Both reductions are minimal (0) exactly at Y = Y*: S ≥ (1 − λ)·mean(y²) ≥ 0
/// because mean(y)² ≤ mean(y²), and G ≥ 0.
///
/// Parameters: one per pixel, row-major, named `Y_r_c` with 0-based row r and
/// column c (`Y_0_0, Y_0_1, …, Y_11_15`); flat index r·W + c. The names are
/// plain identifiers, so they also work in the expression language and CSV headers.
/// Evaluation allocates nothing: the residual is recomputed from Y* and Y where
/// it is needed, and the correlation's adjoint is accumulated straight into
/// the gradient.
public struct CustomLoss: ReferenceObjective, Sendable, Equatable {
    /// How the loss turns per-pixel terms into one number.
    public enum Reduction: String, Sendable, Equatable, CaseIterable {
        /// The equations' 1/n·Σ: a mean over the n pixels.
        case mean
        /// The learner's K.mean(K.sum(…)) over a single image: the sum, n times the mean.
        case sumThenMean
    }

    /// Image height H (rows).
    public let height: Int
    /// Image width W (columns).
    public let width: Int
    /// The weight λ of the squared mean in the scale-invariant term (0.5 in the question).
    public let lambda: Double
    /// Mean (correct) or sum (the learner's version).
    public let reduction: Reduction
    /// The target image Y*, row-major, values in [0, 1].
    public let target: [Double]
    /// Names of the parameters, in the order of the flat vector.
    public let parameterNames: [String]
    /// Always 0: the one image is fixed, not rows.
    public var rowCount: Int { 0 }

    /// The loss over an H×W prediction map (default 12×16) against `target(height:width:)`.
    public init(height: Int = 12, width: Int = 16, lambda: Double = 0.5, reduction: Reduction = .mean,
                parameterNames: [String]? = nil) {
        precondition(height >= 1 && width >= 1, "the image needs at least one pixel")
        let names = parameterNames ?? CustomLoss.pixelNames(height: height, width: width)
        precondition(names.count == height * width, "one parameter name per pixel")
        self.height = height
        self.width = width
        self.lambda = lambda
        self.reduction = reduction
        self.target = CustomLoss.target(height: height, width: width)
        self.parameterNames = names
    }

    /// The pixel names `Y_r_c`, row-major (r = 0…H−1, c = 0…W−1).
    public static func pixelNames(height: Int, width: Int) -> [String] {
        (0..<height).flatMap { r in (0..<width).map { c in "Y_\(r)_\(c)" } }
    }

    /// n = H·W, the number of pixels and of parameters.
    public var pixelCount: Int { height * width }

    /// The factor in front of each Σ: 1/n for the mean, 1 for the sum.
    @inlinable
    var scale: Double { reduction == .mean ? 1 / Double(height * width) : 1 }

    /// The target, where L = 0.
    public var knownMinima: [[Double]] { [target] }
    /// 0.
    public var minimumValue: Double { 0 }

    /// Writes ∇L(Y) into `gradient` and returns L(Y); `rows` is ignored.
    public func lossAndGradient(
        at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let n = height * width, w = width, h = height
        let scale = self.scale
        let lambda = self.lambda
        return target.withUnsafeBufferPointer { t in
            var sum = 0.0, sumSquares = 0.0
            for k in 0..<n {
                let y = t[k] - theta[k]
                sum += y
                sumSquares += y * y
            }
            let mean = sum / Double(n)
            // S = scale·(Σy² − λ n ȳ²); ∂S/∂Yₖ = −2·scale·(yₖ − λ ȳ).
            var loss = scale * (sumSquares - lambda * Double(n) * mean * mean)
            for k in 0..<n { gradient[k] = -2 * scale * (t[k] - theta[k] - lambda * mean) }
            var gradientTerm = 0.0
            PrewittWindow.forEach(height: h, width: w) { window in
                let (gx, gy) = window.responses { t[$0] - theta[$0] }
                gradientTerm += gx * gx + gy * gy
                // ∂(scale·(gx² + gy²))/∂y = 2·scale·(gx ∂gx/∂y + gy ∂gy/∂y), and ∂y/∂Y = −1.
                window.accumulate(dx: -2 * scale * gx, dy: -2 * scale * gy, into: gradient)
            }
            loss += scale * gradientTerm
            return loss
        }
    }

    /// Returns L(Y); `rows` is ignored.
    public func loss(at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>) -> Double {
        let terms = termValues(theta)
        return terms.scaleInvariant + terms.gradient
    }

    /// The two terms of L at Y, each under this objective's reduction
    /// (their sum is the loss): S, the scale-invariant term, and G, the
    /// image-gradient term. For loss curves of both terms.
    public func terms(at theta: [Double]) -> (scaleInvariant: Double, gradient: Double) {
        precondition(theta.count == pixelCount, "one value per pixel")
        return theta.withUnsafeBufferPointer { termValues($0) }
    }

    func termValues(_ theta: UnsafeBufferPointer<Double>) -> (scaleInvariant: Double, gradient: Double) {
        let n = height * width, w = width, h = height
        return target.withUnsafeBufferPointer { t in
            var sum = 0.0, sumSquares = 0.0
            for k in 0..<n {
                let y = t[k] - theta[k]
                sum += y
                sumSquares += y * y
            }
            let mean = sum / Double(n)
            let s = scale * (sumSquares - lambda * Double(n) * mean * mean)
            var g = 0.0
            PrewittWindow.forEach(height: h, width: w) { window in
                let (gx, gy) = window.responses { t[$0] - theta[$0] }
                g += gx * gx + gy * gy
            }
            return (s, scale * g)
        }
    }
}
