/// The result of a gradient check at one point.
public struct GradientCheckReport: Equatable, Sendable {
    /// The parameters the check was made at.
    public let point: [Double]
    /// The data rows averaged over (empty without data).
    public let rows: [Int]
    /// L(θ; rows) at the point.
    public let loss: Double
    /// One entry per parameter, in parameter order.
    public let entries: [GradientCheckEntry]
    /// The largest relative error that passes.
    public let tolerance: Double

    /// The largest relative error over all parameters (NaN if any is NaN).
    public var maxRelativeError: Double {
        var largest = 0.0
        for entry in entries {
            if entry.relativeError.isNaN { return .nan }
            largest = Swift.max(largest, entry.relativeError)
        }
        return largest
    }

    /// Whether every parameter passed.
    public var passed: Bool { entries.allSatisfy(\.passed) }

    /// The parameters that did not pass.
    public var failures: [GradientCheckEntry] { entries.filter { !$0.passed } }
}
