import Trace

/// A start where the objective is not defined: its loss or gradient over all data is not finite at θ₀.
///
/// Divergence during a run is data (a verdict); a start outside the domain is
/// a bad input, found before anything runs.
public struct StartError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is not finite: `loss` or `gradient`.
    public var quantity: String
    /// `x = 0, y = 1`: the start, by parameter.
    public var start: String
    /// Why, where the objective can say (`1/x divides by zero`).
    public var reason: String?

    /// Creates the error.
    public init(quantity: String, start: String, reason: String?) {
        self.quantity = quantity
        self.start = start
        self.reason = reason
    }

    /// `loss is not finite at the start (x = 0): 1/x divides by zero`.
    public var description: String { description(naming: "the start") }

    /// The description with the start named otherwise: `… at the start of problem 'main' (x = 0): …`.
    public func description(naming which: String) -> String {
        "\(quantity) is not finite at \(which) (\(start))" + (reason.map { ": \($0)" } ?? "")
    }
}

/// Throws a `StartError` when the loss or gradient of `objective` over all data is not finite at `start`.
public func checkStart<O: Objective>(_ objective: O, start: [Double]) throws(StartError) {
    let (loss, gradient) = objective.evaluate(at: start, rows: objective.allRows)
    let quantity: String
    if !loss.isFinite {
        quantity = "loss"
    } else if let i = gradient.firstIndex(where: { !$0.isFinite }) {
        quantity = "gradient of \(objective.parameterNames[i])"
    } else {
        return
    }
    let values = zip(objective.parameterNames, start).map { "\($0) = \(NumberText.general($1, digits: 6))" }
    throw StartError(quantity: quantity, start: values.joined(separator: ", "), reason: objective.explainNonFinite(at: start))
}
