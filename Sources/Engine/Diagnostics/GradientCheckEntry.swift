/// One parameter's line of a gradient check.
public struct GradientCheckEntry: Equatable, Sendable {
    /// The parameter's name.
    public let name: String
    /// The partial derivative under test: the exact one, or the claimed one in `compare`.
    public let analytic: Double
    /// The objective's exact (automatic or hand-written) partial derivative.
    public let exact: Double
    /// The central-difference estimate.
    public let numeric: Double
    /// `|analytic − numeric| / max(|analytic|, |numeric|, 1)`.
    public let relativeError: Double
    /// Whether `relativeError ≤ tolerance` (false when it is NaN).
    public let passed: Bool
}
