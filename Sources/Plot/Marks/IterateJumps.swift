/// The iterates of a one-parameter optimization drawn on their objective curve, with an arrow for each
/// jump θₖ → θₖ₊₁ (the overshoot picture).
public struct IterateJumps: Mark {
    /// The parameter at each step.
    public var iterates: [Double]
    /// The objective value at each iterate.
    public var losses: [Double]
    /// Color and marker.
    public var style: SeriesStyle
    /// Label this many first iterates θ₀, θ₁, …
    public var labelledSteps: Int
    /// At most this many jumps are drawn (the first ones).
    public var jumpLimit: Int
    /// The step number of `iterates[0]`.
    public var firstStep: Int

    /// Iterates `iterates` with objective values `losses`, the first being step `firstStep`.
    public init(iterates: [Double], losses: [Double], style: SeriesStyle = SeriesStyle(color: Color(hex: 0xD55E00)),
                labelledSteps: Int = 3, jumpLimit: Int = 30, firstStep: Int = 0) {
        precondition(iterates.count == losses.count, "one loss per iterate")
        self.iterates = iterates; self.losses = losses; self.style = style
        self.labelledSteps = labelledSteps; self.jumpLimit = jumpLimit; self.firstStep = firstStep
    }

    /// The extent of the finite iterates.
    public var dataBounds: DataBounds? { DataBounds(points: zip(iterates, losses).map { DataPoint($0, $1) }) }

    /// One entry: "iterates θₖ".
    public var legendEntries: [LegendEntry] { [LegendEntry(label: "iterates θ<sub>k</sub>", style: style)] }

    /// Draws the jumps, then the iterates, then their labels.
    public func draw(in context: MarkContext) {
        let t = context.transform
        let device = zip(iterates, losses).map { t.device(DataPoint($0, $1)) }
        for k in 0..<max(0, min(jumpLimit, device.count - 1)) {
            guard let a = device[k], let b = device[k + 1] else { continue }
            Arrowhead.draw(in: context.canvas, from: a, to: b, color: style.color.withAlpha(0.85), width: 0.9, headSize: 5.5, halo: nil)
        }
        for p in device.compactMap({ $0 }) {
            style.marker.draw(in: context.canvas, at: p, size: style.markerSize, color: style.color)
        }
        let labelStyle = context.theme.text(context.theme.annotationFontSize + 1)
        for k in 0..<min(labelledSteps, device.count) {
            guard let p = device[k] else { continue }
            let text = "θ<sub>\(firstStep + k)</sub>"
            let size = context.canvas.measureText(text, style: labelStyle)
            context.placeLabel(text, style: labelStyle, candidates: [
                Point(p.x + 4, p.y - size.height - 2), Point(p.x - size.width - 4, p.y - size.height - 2),
                Point(p.x + 4, p.y + 2), Point(p.x - size.width - 4, p.y + 2),
            ], box: true)
        }
    }

    /// The iterates, so a legend avoids them.
    public func occupiedPoints(in context: MarkContext) -> [Point] {
        zip(iterates, losses).compactMap { context.transform.device(DataPoint($0, $1)) }
    }
}
