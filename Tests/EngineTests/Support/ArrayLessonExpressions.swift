import Engine
import ReferenceObjectives

/// The three hand-written lesson objectives written as array expressions: the
/// fixtures the lesson files will take their `expression`, `parameters` and
/// `constants` from once the Swift objectives go.
enum ArrayLessonExpressions {
    /// zero-diagonal: Σᵢ ‖xᵢ − X cᵢ‖² + λ Σᵢ ‖cᵢ‖₂ + κ Σᵢ Cᵢᵢ², X 5×20, C 20×20 (cᵢ the columns).
    static let zeroDiagonal = "sumsq(X @ C - X) + lambda*sum(norm(C, 0)) + kappa*sumsq(diag(C))"
    /// zero-diagonal's parameters.
    static let zeroDiagonalParameters = ["C[20,20]"]

    /// The constants of zero-diagonal: X (d×n, the points as columns), λ and κ.
    static func zeroDiagonalConstants(_ objective: ZeroDiagonal) -> [String: ArrayValue] {
        let d = objective.dimension, n = objective.pointCount
        return [
            "X": ArrayValue(shape: .matrix(d, n), elements: objective.points),
            "lambda": ArrayValue(objective.lambda),
            "kappa": ArrayValue(objective.penalty),
        ]
    }

    /// constrained-fit: Σⱼ (yⱼ − (sⱼ + b sⱼ²))², s = a C, with the question's C (4×5) and y (1×5).
    static let constrainedFit = "sumsq(y - (a @ C + b*(a @ C)^2))"
    /// constrained-fit's parameters, in the order of θ: a[0] … a[3], b.
    static let constrainedFitParameters = ["a[4]", "b"]
    /// The question's data, as the lesson loader will pass them.
    static let constrainedFitConstants: [String: ArrayValue] = [
        "C": ArrayValue(matrix: ConstrainedFit.c),
        "y": ArrayValue(matrix: [ConstrainedFit.y]),
    ]

    /// custom-loss with means: mean(y²) − λ mean(y)² + mean((Pₓ ⋆ y)² + (P_y ⋆ y)²), y = T − Y,
    /// the Prewitt correlations 'same' size with the border replicated (pad by 1, then valid mode).
    static let customLossMean = "mean((T - Y)^2) - 0.5*mean(T - Y)^2 + mean(correlate(pad(T - Y, 1), [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]])^2 + correlate(pad(T - Y, 1), [[-1, -1, -1], [0, 0, 0], [1, 1, 1]])^2)"
    /// custom-loss with the learner's sum ("mean of a sum" over one image): n = 192 times the mean.
    static let customLossSum = "sum((T - Y)^2) - 0.5*sum(T - Y)^2/192 + sum(correlate(pad(T - Y, 1), [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]])^2 + correlate(pad(T - Y, 1), [[-1, -1, -1], [0, 0, 0], [1, 1, 1]])^2)"
    /// custom-loss's parameters: the 12×16 prediction map.
    static let customLossParameters = ["Y[12,16]"]
    /// The target image T.
    static let customLossConstants: [String: ArrayValue] = [
        "T": ArrayValue(shape: .matrix(12, 16), elements: CustomLoss.target(height: 12, width: 16)),
    ]

    /// Builds an objective from an expression, declarations as a lesson writes them, and constants.
    static func objective(_ expression: String, _ parameters: [String], _ constants: [String: ArrayValue]) throws -> ExpressionObjective {
        try ExpressionObjective(
            expression: expression, parameters: parameters.map { try ParameterDeclaration(parsing: $0) }, constants: constants)
    }
}
