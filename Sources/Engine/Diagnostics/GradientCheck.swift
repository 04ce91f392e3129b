/// Compares a gradient with central finite differences of the loss.
///
/// For each parameter i, with a step relative to the parameter's size:
/// ```
/// h   = 1e-6 · max(1, |θᵢ|)
/// gᵢ ≈ (L(θ + h eᵢ) − L(θ − h eᵢ)) / ((θᵢ + h) − (θᵢ − h))
/// relative error = |analytic − numeric| / max(|analytic|, |numeric|, 1)
/// ```
/// (the denominator's floor of 1 makes the error absolute for small
/// gradients, so a zero gradient at a minimum is not failed over rounding
/// noise). The step's size is measured after rounding, so the quotient uses
/// the step actually taken.
public enum GradientCheck {
    /// The largest relative error that passes by default.
    public static let defaultTolerance = 1e-6

    /// `|a − b| / max(|a|, |b|, 1)`; NaN when either is NaN.
    public static func relativeError(_ a: Double, _ b: Double) -> Double {
        if a.isNaN || b.isNaN { return .nan }
        if a == b { return 0 }
        return Swift.abs(a - b) / Swift.max(Swift.abs(a), Swift.abs(b), 1)
    }

    /// The central-difference gradient of L(θ; rows).
    public static func numericGradient<O: Objective>(_ objective: O, at theta: [Double], rows: [Int] = []) -> [Double] {
        precondition(theta.count == objective.parameterNames.count, "θ needs one entry per parameter")
        var point = theta
        return theta.indices.map { i in
            let h = 1e-6 * Swift.max(1, Swift.abs(theta[i]))
            let plus = theta[i] + h, minus = theta[i] - h
            point[i] = plus
            let up = objective.lossValue(at: point, rows: rows)
            point[i] = minus
            let down = objective.lossValue(at: point, rows: rows)
            point[i] = theta[i]
            return (up - down) / (plus - minus)
        }
    }

    /// Checks the objective's own (exact) gradient at θ against finite differences.
    public static func check<O: Objective>(
        _ objective: O, at theta: [Double], rows: [Int] = [], tolerance: Double = defaultTolerance
    ) -> GradientCheckReport {
        let (loss, exact) = objective.evaluate(at: theta, rows: rows)
        return report(objective, theta: theta, rows: rows, loss: loss, tested: exact, exact: exact, tolerance: tolerance)
    }

    /// Checks a claimed gradient, one expression per parameter in the objective's
    /// parameter order, against finite differences of the objective.
    ///
    /// Each claimed partial is read in the same language and over the same names
    /// as the objective (parameters, and the columns of `data`); with data it is
    /// the partial of one row's loss and is averaged over `rows` like the loss.
    /// Throws an `ExpressionError` if a partial does not parse (its message
    /// names the parameter) or if the count is wrong.
    public static func compare<O: Objective>(
        objective: O, claimedGradient: [String], data: DataTable? = nil, at theta: [Double], rows: [Int] = [],
        tolerance: Double = defaultTolerance
    ) throws(ExpressionError) -> GradientCheckReport {
        let names = objective.parameterNames
        guard claimedGradient.count == names.count else {
            throw ExpressionError(
                kind: .gradientCount,
                message: "expected \(names.count) partial derivatives (\(names.joined(separator: ", "))), got \(claimedGradient.count)")
        }
        var claimed: [Double] = []
        for (name, text) in zip(names, claimedGradient) {
            let partial: ExpressionObjective
            do {
                partial = try ExpressionObjective(expression: text, parameters: names, data: data)
            } catch {
                throw ExpressionError(
                    kind: error.kind, message: "partial derivative for '\(name)': \(error.message)", column: error.column)
            }
            claimed.append(partial.lossValue(at: theta, rows: rows))
        }
        let (loss, exact) = objective.evaluate(at: theta, rows: rows)
        return report(objective, theta: theta, rows: rows, loss: loss, tested: claimed, exact: exact, tolerance: tolerance)
    }

    /// `compare(objective:claimedGradient:data:at:rows:tolerance:)` with the objective's own data.
    public static func compare(
        objective: ExpressionObjective, claimedGradient: [String], at theta: [Double], rows: [Int] = [],
        tolerance: Double = defaultTolerance
    ) throws(ExpressionError) -> GradientCheckReport {
        try compare(objective: objective, claimedGradient: claimedGradient, data: objective.data, at: theta, rows: rows, tolerance: tolerance)
    }

    private static func report<O: Objective>(
        _ objective: O, theta: [Double], rows: [Int], loss: Double, tested: [Double], exact: [Double], tolerance: Double
    ) -> GradientCheckReport {
        let numeric = numericGradient(objective, at: theta, rows: rows)
        let entries = objective.parameterNames.indices.map { i in
            let error = relativeError(tested[i], numeric[i])
            return GradientCheckEntry(
                name: objective.parameterNames[i], analytic: tested[i], exact: exact[i], numeric: numeric[i],
                relativeError: error, passed: error <= tolerance)
        }
        return GradientCheckReport(point: theta, rows: rows, loss: loss, entries: entries, tolerance: tolerance)
    }
}
