import Plot

/// A figure as a prediction shows it: the same axes and ranges, the surface as contour lines on
/// white (a student sketches over it in pencil) and the data, without what the runs did (their paths,
/// curves, boundaries and events) and without titles that tell how they ended.
enum EmptyAxes {
    /// `figure` emptied; its axes keep the ranges they have when drawn `width` points wide at `aspectRatio`.
    static func figure(_ figure: Figure, width: Double, aspectRatio: Double, canvas: Canvas) -> Figure {
        let transforms = figure.transforms(in: canvas, frame: Rect(x: 0, y: 0, width: width, height: width / aspectRatio))
        var empty = figure
        empty.colorbar = nil
        empty.panels = zip(figure.panels, transforms).map { panel, transform in
            var panel = panel
            panel.x = frozen(panel.x, transform.x)
            panel.y = frozen(panel.y, transform.y)
            // In a one-parameter view (iterates drawn as jumps) the line is the objective itself.
            let objectiveView = panel.marks.contains { $0 is IterateJumps }
            panel.marks = panel.marks.filter { mark in
                mark is Contours || mark is Scatter || (objectiveView && mark is LineSeries)
            }
            panel.colorbar = nil
            panel.title = panel.title.map(runName)
            return panel
        }
        return empty
    }

    /// `axis` fixed to the range and spacing `scale` shows.
    private static func frozen(_ axis: Axis, _ scale: Scale) -> Axis {
        var axis = axis
        axis.range = scale.minimum...scale.maximum
        axis.spacing = scale.kind == .log ? .log : .linear
        return axis
    }

    /// A panel title up to the outcome it reports (`η = 0.21 · diverged at step 75` → `η = 0.21`).
    private static func runName(_ title: String) -> String {
        var name = Substring(title)
        for separator in [" · ", "   "] {
            if let range = name.range(of: separator) { name = name[..<range.lowerBound] }
        }
        return String(name)
    }
}
