import Engine
import Trace

/// Readers of the keys several figure kinds share: a view, a step window, `steps`, a parameter, data columns.
extension LessonDecoder {
    /// A figure's own view (`x_range`, `y_range`, `log_color` where the kind takes it, `step_window`).
    func decodeViewSettings(_ r: TableReader, _ name: FigureSpec.Kind.Name) throws -> FigureSpec.ViewSettings {
        func range(_ key: String) throws -> ClosedRange<Double>? {
            guard let v = try r.doubles(key) else { return nil }
            guard v.count == 2, v[0] < v[1] else {
                let written = "[" + v.map { NumberText.plain($0) }.joined(separator: ", ") + "]"
                throw r.error(key, "expected [low, high] with low < high, got \(written)")
            }
            return v[0]...v[1]
        }
        let xRange = try range("x_range"), yRange = try range("y_range")
        let logColor = name.keys.contains("log_color") ? try r.bool("log_color") : nil
        return FigureSpec.ViewSettings(xRange: xRange, yRange: yRange, logColor: logColor, stepWindow: try decodeStepWindow(r))
    }

    /// `log_y` and `step_window` of a chart against step.
    func decodeSeriesSettings(_ r: TableReader) throws -> FigureSpec.SeriesSettings {
        FigureSpec.SeriesSettings(logY: try r.bool("log_y"), stepWindow: try decodeStepWindow(r))
    }

    /// `step_window = N` (steps 0 to N) or `[from, to]`.
    func decodeStepWindow(_ r: TableReader) throws -> ClosedRange<Int>? {
        guard let w = try r.wholeNumbers("step_window", expected: "a whole number N (the first N steps) or [from, to]") else {
            return nil
        }
        switch w.count {
        case 1:
            guard w[0] >= 1 else { throw r.error("step_window", "expected the number of steps to show, at least 1, got \(w[0])") }
            return 0...w[0]
        case 2:
            guard w[0] >= 0, w[0] < w[1] else {
                throw r.error("step_window", "expected [from, to] with 0 ≤ from < to, got [\(w[0]), \(w[1])]")
            }
            return w[0]...w[1]
        default:
            throw r.error("step_window", "expected a whole number N (the first N steps) or [from, to], got \(w.count) numbers")
        }
    }

    /// Refuses a figure drawn over the problem's view when the problem has none (with `y` too, `plane`).
    func requireView(_ r: TableReader, _ name: FigureSpec.Kind.Name, _ on: FigureRuns, plane: Bool = true) throws {
        if plane {
            guard let view = on.problem.view, view.y != nil else {
                throw r.error("kind", "a '\(name.rawValue)' figure needs [problem.view] with both 'x' and 'y'")
            }
        } else {
            guard on.problem.view != nil else { throw r.error("kind", "a '\(name.rawValue)' figure needs [problem.view] with 'x'") }
        }
    }

    /// `steps = [0, 5, 20]`: whole step numbers ≥ 0.
    func decodeFigureSteps(_ r: TableReader) throws -> [Int] {
        try (r.doubles("steps") ?? []).enumerated().map { i, v -> Int in
            guard v >= 0, v == v.rounded() else { throw r.error("steps[\(i)]", "expected a whole step number ≥ 0, got \(v)") }
            return Int(v)
        }
    }

    /// `key` naming one of the problem's parameters, if given.
    func decodeFigureParameter(_ r: TableReader, _ on: FigureRuns, key: String = "parameter") throws -> String? {
        guard let p = try r.string(key) else { return nil }
        guard on.problem.parameters.contains(p) else {
            throw r.error(key, "'\(p)' is not a parameter (parameters: \(on.problem.parameters.joined(separator: ", ")))")
        }
        return p
    }

    /// `key` naming one of the problem's data columns, if given.
    func decodeDataColumn(_ r: TableReader, _ on: FigureRuns, _ key: String) throws -> String? {
        guard let c = try r.string(key) else { return nil }
        let columns = on.problem.data?.columnNames ?? []
        guard columns.contains(c) else {
            throw r.error(key, "'\(c)' is not a data column (columns: \(columns.joined(separator: ", ")))")
        }
        return c
    }

    /// `aspect`: the figure's height over its width, 0.2 to 1.4.
    func decodeAspect(_ r: TableReader, default value: Double) throws -> Double {
        let aspect = try r.double("aspect") ?? value
        guard aspect >= 0.2 && aspect <= 1.4 else { throw r.error("aspect", "must be between 0.2 and 1.4 (height / width), got \(aspect)") }
        return aspect
    }
}
