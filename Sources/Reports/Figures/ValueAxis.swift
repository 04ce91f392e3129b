import Plot

/// How an axis over given values is spaced: logarithmic only where that shows every value and helps.
enum ValueAxis {
    /// Log when every finite value is positive and they span more than a decade (largest / smallest > 10),
    /// else linear; `override` (a lesson's `log_x` or `log_y`) wins when set.
    ///
    /// A momentum sweep over 0, 0.5, 0.9 is linear, so μ = 0 is drawn; rates 0.001 … 0.1 are log.
    static func spacing(of values: [Double], override: Bool? = nil) -> Axis.Spacing {
        if let override { return override ? .log : .linear }
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), low > 0 else { return .linear }
        return high / low > 10 ? .log : .linear
    }

    /// `label` with “(log scale)” appended on a log axis.
    static func label(_ label: String, _ spacing: Axis.Spacing) -> String {
        spacing == .log ? "\(label) (log scale)" : label
    }
}
