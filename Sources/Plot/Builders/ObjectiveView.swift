/// The one-parameter objective view: the curve f(θ) with the iterates on it and the jumps between them.
public enum ObjectiveView {
    /// A panel showing `f` over `range` (400 samples), the `iterates` on the curve and the jumps between
    /// consecutive iterates (the first being step `firstStep`); `range` defaults to the finite iterates' span, padded.
    public static func panel(title: String? = nil, f: (Double) -> Double, iterates: [Double], firstStep: Int = 0,
                             range: ClosedRange<Double>? = nil,
                             parameterLabel: String = "parameter θ", lossLabel: String = "loss f(θ)", samples: Int = 400) -> Panel {
        let finite = iterates.filter(\.isFinite)
        let lo = finite.min() ?? -1, hi = finite.max() ?? 1
        let pad = max((hi - lo) * 0.15, 0.5)
        let span = range ?? (lo - pad)...(hi + pad)
        let xs = (0..<samples).map { span.lowerBound + (span.upperBound - span.lowerBound) * Double($0) / Double(samples - 1) }
        let curve = LineSeries(xs: xs, ys: xs.map(f), label: "objective f(θ)",
                               style: SeriesStyle(color: Color(hex: 0x333333), lineWidth: 1.4, marker: .none))
        let jumps = IterateJumps(iterates: iterates, losses: iterates.map(f), firstStep: firstStep)
        return Panel(title: title, x: Axis(parameterLabel, range: span), y: Axis(lossLabel), marks: [curve, jumps])
    }
}
