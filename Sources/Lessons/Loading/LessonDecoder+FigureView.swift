import Trace

extension FigureSpec.Kind {
    /// Kinds drawn over the problem's view, which take `x_range`, `y_range` (a curve's: its loss axis).
    static let viewed: [Self] = [.surface, .grid, .surface3d, .curve]
    /// Kinds that color a surface, which take `log_color`.
    static let colored: [Self] = [.surface, .grid, .surface3d]
    /// Kinds that draw runs step by step, which take `step_window`.
    static let windowed: [Self] = [.surface, .grid, .surface3d, .curve, .loss, .gradientNorm, .learningRate, .parameter, .state]
    /// Kinds that read `steps`, and what they do with them.
    static let stepUses: [(Self, String)] = [
        (.surface, "places arrows"), (.fit, "draws the model"), (.boundary, "draws the boundary"),
        (.regions, "draws the classes"), (.field, "draws the expressions"), (.matrix, "shows the block"),
        (.images, "draws the images"), (.filmstrip, "draws a frame"),
    ]

    /// "a 'surface', 'grid' or 'curve' figure".
    static func phrase(_ kinds: [Self]) -> String {
        let names = kinds.map { "'\($0.rawValue)'" }
        return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}

extension LessonDecoder {
    /// Reads and checks a figure's own view (`x_range`, `y_range`, `log_color`, `step_window`, and a
    /// `surface3d`'s `azimuth` and `elevation`) and what its `steps` and `arrows` ask for; returns a
    /// function that stores the view on the spec.
    func decodeFigureView(_ r: TableReader, kind: FigureSpec.Kind, steps: [Int], arrows: String?) throws -> (inout FigureSpec) -> Void {
        func range(_ key: String) throws -> ClosedRange<Double>? {
            guard let v = try r.doubles(key) else { return nil }
            guard FigureSpec.Kind.viewed.contains(kind) else {
                throw r.error(key, "only \(FigureSpec.Kind.phrase(FigureSpec.Kind.viewed)) figures take '\(key)'")
            }
            guard v.count == 2, v[0] < v[1] else {
                let written = "[" + v.map { NumberText.plain($0) }.joined(separator: ", ") + "]"
                throw r.error(key, "expected [low, high] with low < high, got \(written)")
            }
            return v[0]...v[1]
        }
        let xRange = try range("x_range"), yRange = try range("y_range")
        let logColor = try r.bool("log_color")
        if logColor != nil && !FigureSpec.Kind.colored.contains(kind) {
            throw r.error("log_color", "only \(FigureSpec.Kind.phrase(FigureSpec.Kind.colored)) figures take 'log_color'")
        }
        var window: ClosedRange<Int>? = nil
        if let w = try r.wholeNumbers("step_window", expected: "a whole number N (the first N steps) or [from, to]") {
            guard FigureSpec.Kind.windowed.contains(kind) else {
                throw r.error("step_window", "only \(FigureSpec.Kind.phrase(FigureSpec.Kind.windowed)) figures take 'step_window'")
            }
            switch w.count {
            case 1:
                guard w[0] >= 1 else { throw r.error("step_window", "expected the number of steps to show, at least 1, got \(w[0])") }
                window = 0...w[0]
            case 2:
                guard w[0] >= 0, w[0] < w[1] else {
                    throw r.error("step_window", "expected [from, to] with 0 ≤ from < to, got [\(w[0]), \(w[1])]")
                }
                window = w[0]...w[1]
            default:
                throw r.error("step_window", "expected a whole number N (the first N steps) or [from, to], got \(w.count) numbers")
            }
        }
        let azimuth = try r.double("azimuth"), elevation = try r.double("elevation")
        for (key, value) in [("azimuth", azimuth), ("elevation", elevation)] where value != nil && kind != .surface3d {
            throw r.error(key, "only 'surface3d' figures take '\(key)'")
        }
        if let e = elevation, !(e > 0 && e <= 90) {
            throw r.error("elevation", "expected degrees above the floor, more than 0 and at most 90, got \(NumberText.plain(e))")
        }
        if !steps.isEmpty && !FigureSpec.Kind.stepUses.contains(where: { $0.0 == kind }) {
            let kinds = FigureSpec.Kind.stepUses.map { "'\($0.0.rawValue)' (\($0.1))" }.joined(separator: ", ")
            throw r.error("steps", "only these figures take 'steps': \(kinds); to show a stretch of steps use step_window")
        }
        if !steps.isEmpty && kind == .surface && arrows == nil {
            throw r.error("steps", "on a 'surface' figure 'steps' places arrows; add arrows = \"gradient\" or \"state\" (to show only some steps, use step_window)")
        }
        if arrows != nil {
            guard kind == .surface else { throw r.error("arrows", "only 'surface' figures take 'arrows'") }
            guard !steps.isEmpty else { throw r.error("arrows", "needs steps = [0, 10, …]: the steps to draw the arrows at") }
        }
        return { spec in
            spec.xRange = xRange; spec.yRange = yRange; spec.logColor = logColor; spec.stepWindow = window
            if let azimuth { spec.azimuth = azimuth }
            if let elevation { spec.elevation = elevation }
        }
    }
}
