/// Several runs of the same two-parameter problem side by side: one panel per run on shared axes, one
/// loss surface (heatmap and contours) with a shared color scale, each panel titled by its run and final
/// loss. The learning-rate comparison is the standard use.
public enum ComparisonGrid {
    /// One run: a title (e.g. `"η = 0.1"`), its iterates and its final loss.
    public struct Run: Equatable, Sendable {
        /// Panel title as markup, e.g. `"η = 0.1"`.
        public var title: String
        /// The iterates, step 0 first.
        public var points: [DataPoint]
        /// The loss after the last step (NaN or ∞ when it diverged).
        public var finalLoss: Double
        /// The step number of `points[0]` (more than 0 when a figure shows a window of steps).
        public var firstStep: Int
        /// A run titled `title` through `points` ending at `finalLoss`.
        public init(title: String, points: [DataPoint], finalLoss: Double, firstStep: Int = 0) {
            self.title = title; self.points = points; self.finalLoss = finalLoss; self.firstStep = firstStep
        }
    }

    /// A grid of panels, one per run, over `surface`.
    ///
    /// The axes are fixed to the surface's extent and shared; the color scale is fitted to the surface
    /// once (viridis; log when its values span three decades or more, or as `logColor` says) and shown by
    /// one colorbar that also marks the contour levels. With `expected` (a point and its name, e.g. "the
    /// minimum") every panel marks it; a legend below the grid names the start, end and minimum glyphs.
    public static func figure(title: String? = nil, runs: [Run], surface: SurfaceGrid, columns: Int = 2, levels: Int = 20,
                              xLabel: String = "x (first parameter)", yLabel: String = "y (second parameter)",
                              lossLabel: String = "loss f(x, y)", style: SeriesStyle = defaultStyle,
                              expected: (point: DataPoint, label: String)? = nil, logColor: Bool? = nil) -> Figure {
        let colorScale = ColorScale.fitting(surface.values, spacing: logColor.map { $0 ? .log : .linear } ?? .automatic)
        let heatmap = Heatmap(surface, colorScale: colorScale)
        let spacing: ColorScale.Spacing = colorScale.scale.kind == .log ? .log : .linear
        let contours = Contours(surface, count: levels, spacing: spacing)
        let minimum = expected.map { Scatter([$0.point], style: SeriesStyle.expected) }
        let panels = runs.map { run -> Panel in
            let trajectory = Trajectory(run.points, style: style, firstStep: run.firstStep, markerLimit: 60)
            return Panel(title: "\(run.title) · final loss \(lossText(run.finalLoss))",
                         x: Axis(xLabel, range: surface.x), y: Axis(yLabel, range: surface.y),
                         marks: [heatmap, contours, trajectory] + (minimum.map { [$0] } ?? []), legend: .hidden)
        }
        var legend = [LegendEntry(label: "start", style: SeriesStyle(color: style.color, marker: .ring, markerSize: 7), showsLine: false),
                      LegendEntry(label: "end (inside the view)", style: SeriesStyle(color: style.color, marker: .star, markerSize: 7),
                                  showsLine: false),
                      LegendEntry(label: "steps, spaced along the path", style: style)]
        if let e = expected { legend.append(LegendEntry(label: e.label, style: SeriesStyle.expected, showsLine: false)) }
        return Figure(title: title, columns: columns, panels: panels, sharesX: true, sharesY: true,
                      colorbar: Colorbar(colorScale, label: lossLabel, levels: contours.levels), legend: legend)
    }

    /// The same grid with the surface sampled from `objective` at `resolution × resolution` nodes over `x × y`.
    public static func figure(title: String? = nil, runs: [Run], objective: (Double, Double) -> Double,
                              x: ClosedRange<Double>, y: ClosedRange<Double>, resolution: Int = 400, columns: Int = 2,
                              levels: Int = 20, xLabel: String = "x (first parameter)", yLabel: String = "y (second parameter)",
                              lossLabel: String = "loss f(x, y)") -> Figure {
        figure(title: title, runs: runs, surface: SurfaceGrid(x: x, y: y, resolution: resolution, objective), columns: columns,
               levels: levels, xLabel: xLabel, yLabel: yLabel, lossLabel: lossLabel)
    }

    /// Vermillion with a white halo: visible on every part of viridis and in grayscale.
    public static let defaultStyle = SeriesStyle(color: Color(hex: 0xE8432A), lineWidth: 1.3, marker: .circle, markerSize: 4, halo: true)

    /// A final loss for a title: compact digits, or "diverged (∞)" / "NaN".
    static func lossText(_ loss: Double) -> String {
        if loss.isNaN { return "NaN (diverged)" }
        if loss.isInfinite { return "∞ (diverged)" }
        return NumberFormat.significant(loss, 3, style: .label)
    }
}
