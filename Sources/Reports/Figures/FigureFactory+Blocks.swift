import Foundation
import Engine
import Lessons
import Plot
import Trace

extension FigureFactory {
    // MARK: matrix

    /// The `steps` a figure shows for a run, clipped to its trace (the last row when none are given).
    static func rows(_ steps: [Int], _ trace: Trace) -> [Int] {
        let wanted = steps.isEmpty ? [trace.count - 1] : steps
        var out: [Int] = []
        for s in wanted.map({ min($0, trace.count - 1) }) where !out.contains(s) { out.append(s) }
        return out
    }

    /// A color scale for matrix values: diverging (white at 0) for signed values, viridis otherwise.
    static func matrixScale(_ values: [Double], colormap: FigureSpec.MatrixColors?) -> ColorScale {
        let signed = colormap.map { $0 == .diverging } ?? values.contains { $0 < 0 && $0.isFinite }
        return ColorScale.fitting(values, colormap: signed ? .blueWhiteRed : .viridis, spacing: .linear)
    }

    /// A parameter block as matrices: one row of panels per run, one panel per step, one color scale;
    /// with `expected`, the problem's expected block as a last panel.
    func matrix(_ settings: FigureSpec.MatrixSettings, _ runs: [RunResult], _ problem: Problem) -> (Figure, Double) {
        let block = settings.block.block
        let name = TextStyle.escape(settings.block.name)
        var cells: [(title: String, values: [Double])] = []
        for r in runs {
            for row in FigureFactory.rows(settings.steps, r.trace) {
                let theta = r.trace.parameters(row: row)
                let prefix = runs.count > 1 ? "\(TextStyle.escape(r.run.label)) · " : ""
                cells.append(("\(prefix)\(FigureFactory.stepLabel(r.trace, row, r.run))", block.indices.map { theta[$0] }))
            }
        }
        let perRow = cells.count / max(runs.count, 1)
        if settings.showsExpected, let e = problem.expected {
            cells.append((TextStyle.escape(problem.expectedLabel), block.indices.map { e[$0] }))
        }
        let all = cells.flatMap(\.values)
        let scale = FigureFactory.matrixScale(all, colormap: settings.colormap)
        let panels = cells.map { cell in
            Panel(title: cell.title, x: Axis("column of \(name)", spacing: .indices), y: Axis("row of \(name)", spacing: .indices, reversed: true),
                  marks: [MatrixCells(rows: block.rows, columns: block.columns, values: cell.values, colorScale: scale)],
                  legend: .hidden)
        }
        let columns = max(1, min(settings.showsExpected && runs.count == 1 ? perRow + 1 : perRow, 5))
        let figure = Figure(columns: columns, panels: panels, sharesX: true, sharesY: true,
                            colorbar: Colorbar(scale, label: "value of \(name)<sub>row, column</sub>"))
        let panelRows = (panels.count + columns - 1) / columns
        let cellAspect = Double(block.rows) / Double(block.columns)
        let aspect = min(1.35, max(0.42, Double(panelRows) * cellAspect / Double(columns) * 0.9 + 0.12 * Double(panelRows)))
        return (figure, aspect)
    }

    // MARK: block size

    /// Σθᵢ² over a block's part against step, one series per run.
    func blockSize(_ named: FigureSpec.NamedBlock, part: FigureSpec.BlockPart, logY: Bool?, _ runs: [RunResult]) -> Figure {
        let block = named.block, name = TextStyle.escape(named.name)
        let members = block.positions(part).map { block.indices[$0] }
        var marks: [any Mark] = []
        var allPositive = true
        let styles = styleIndices(runs)
        for (k, r) in runs.enumerated() {
            let columns = members.map { r.trace.parameterColumn($0) }
            let ys = (0..<r.trace.count).map { row in columns.reduce(0) { $0 + $1[row] * $1[row] } }
            let zero = ys.allSatisfy { $0 == 0 }
            if ys.dropFirst().contains(where: { $0 <= 0 }) { allPositive = false }
            let label = TextStyle.escape(r.run.label) + (zero ? " (exactly 0 at every step)" : "")
            marks.append(LineSeries(xs: (0..<r.trace.count).map(Double.init), ys: ys, label: label, style: .cycle(styles[k]),
                                    showsMarkers: r.trace.count <= 60))
        }
        let what: String
        switch part {
        case .diagonal: what = "Σ<sub>i</sub> \(name)<sub>ii</sub>²"
        case .offDiagonal: what = "Σ<sub>i≠j</sub> \(name)<sub>ij</sub>²"
        case .all: what = "Σ \(name)<sub>ij</sub>²"
        }
        let spacing: Axis.Spacing = logY.map { $0 ? .log : .linear } ?? (allPositive ? .automatic : .linear)
        return Figure(Panel(x: Axis("step k"), y: Axis("size of the \(part == .all ? "block" : part.rawValue) \(what)", spacing: spacing),
                            marks: marks))
    }

    // MARK: terms

    /// The loss terms against step: the problem's `terms` expressions; one panel per run, one series per term.
    func terms(logY: Bool?, _ runs: [RunResult], _ problem: Problem) throws -> Figure {
        let compiled = try problem.terms.map { (name: TextStyle.escape($0.name), objective: try problem.objective($0.expression)) }
        let termsAt = { (theta: [Double]) -> [(name: String, value: Double)] in
            compiled.map { ($0.name, $0.objective.lossValue(at: theta, rows: $0.objective.allRows)) }
        }
        let panels = runs.map { r -> Panel in
            let rows = FigureFactory.sampledRows(r.trace.count, limit: 400)
            let values = rows.map { termsAt(r.trace.parameters(row: $0)) }
            let names = values.first?.map(\.name) ?? []
            var marks: [any Mark] = []
            for (k, name) in names.enumerated() {
                marks.append(LineSeries(xs: rows.map(Double.init), ys: values.map { $0[k].value }, label: name, style: .cycle(k)))
            }
            marks.append(LineSeries(xs: rows.map(Double.init), ys: rows.map { r.trace.losses[$0] }, label: "loss (their sum)",
                                    style: SeriesStyle(color: Color(hex: 0x000000), lineWidth: 0.8, dash: [2, 2])))
            if case .diverged(let step, _) = r.trace.verdict {
                marks.append(ReferenceLine.event(at: Double(step), label: "diverged at step \(step)"))
            }
            let spacing: Axis.Spacing = logY.map { $0 ? .log : .linear } ?? .automatic
            return Panel(title: runs.count > 1 ? TextStyle.escape(r.run.label) : nil, x: Axis("step k"),
                         y: Axis("value of each term", spacing: spacing), marks: marks)
        }
        return Figure(columns: runs.count > 1 ? 2 : 1, panels: panels)
    }

    // MARK: simplex slice

    /// The objective over one face of a simplex: `x` and `y` on the axes, `fill` = 1 − x − y, the group's
    /// other members 0; with `solve`, that parameter minimised over its box at every point (the others
    /// held at the best run's end). Points off the face (x + y > 1) are missing. Each run's end is marked.
    func simplexSlice(_ slice: FigureSpec.SimplexSlice, _ runs: [RunResult], _ problem: Problem, _ objective: ProblemObjective) -> Figure {
        let p = problem.parameters
        let xi = p.firstIndex(of: slice.x)!, yi = p.firstIndex(of: slice.y)!, fi = p.firstIndex(of: slice.fill)!
        let group = runs[0].run.spec.constraints.simplexGroups.first { Set([xi, yi, fi]).isSubset(of: $0) }!
        let best = runs.filter { $0.trace.finalLoss.isFinite }.min { $0.trace.finalLoss < $1.trace.finalLoss } ?? runs[0]
        let held = best.trace.finalParameters
        let solved = slice.solve.map { name -> (index: Int, range: ClosedRange<Double>) in
            let i = p.firstIndex(of: name)!
            let box = runs[0].run.spec.constraints.boxes.first { $0.index == i }!
            return (i, box.lower...box.upper)
        }
        let f: ([Double]) -> Double = { theta in
            guard let solved else { return objective.loss(at: theta) }
            var point = theta
            return LineMinimizer.minimize(in: solved.range) { v in point[solved.index] = v; return objective.loss(at: point) }.value
        }
        let grid = SurfaceGrid(x: 0...1, y: 0...1, resolution: 161) { a, b -> Double in
            guard a + b <= 1 + 1e-12 else { return .nan }
            var theta = held
            for i in group { theta[i] = 0 }
            theta[xi] = a; theta[yi] = b; theta[fi] = max(0, 1 - a - b)
            return f(theta)
        }
        let scale = ColorScale.fitting(grid.values, spacing: problem.view?.logColor.map { $0 ? .log : .linear } ?? .automatic)
        let contours = Contours(grid, count: 14, spacing: scale.scale.kind == .log ? .log : .linear)
        let ends = runs.map { DataPoint($0.trace.finalParameters[xi], $0.trace.finalParameters[yi]) }
        let starts = runs.map { DataPoint($0.trace.parameters(row: 0)[xi], $0.trace.parameters(row: 0)[yi]) }
        var marks: [any Mark] = [Heatmap(grid, colorScale: scale, smooth: false), contours]
        marks.append(Scatter(starts, label: runs.count > 1 ? "starts" : "start",
                             style: SeriesStyle(color: Color(hex: 0xFFFFFF), marker: .circle, markerSize: 4.5)))
        marks.append(Scatter(ends, label: runs.count > 1 ? "where each start ended" : "end",
                             style: SeriesStyle(color: Color(hex: 0xE8432A), marker: .cross, markerSize: 9)))
        let x = TextStyle.escape(slice.x), y = TextStyle.escape(slice.y), fill = TextStyle.escape(slice.fill)
        let zeros = group.filter { ![xi, yi, fi].contains($0) }.map { TextStyle.escape(p[$0]) }
        let face = "\(fill) = 1 − \(x) − \(y)" + (zeros.isEmpty ? "" : ", \(zeros.joined(separator: " = ")) = 0")
        let what = slice.solve.map { "min over \(TextStyle.escape($0)) of f" + (p.count > group.count + 1 ? ", the rest held at the best run's end" : "") }
        let label = (what ?? "loss, the rest held at the best run's end") + " (\(face))"
        let panel = Panel(x: Axis("parameter \(x)", range: 0...1), y: Axis("parameter \(y)", range: 0...1), marks: marks,
                          legend: .topRight, colorbar: Colorbar(scale, label: label, levels: contours.levels))
        return Figure(panel)
    }

    // MARK: along one parameter

    /// f along `parameter` through the best run's end (every run's end when there are at most three),
    /// over `range` (default: its box, else around the ends), with the value each run ended at marked.
    func along(_ parameter: String, range chosen: ClosedRange<Double>?, logY: Bool?, _ runs: [RunResult], _ problem: Problem,
               _ objective: ProblemObjective) -> Figure {
        let i = problem.parameters.firstIndex(of: parameter)!
        let finite = runs.filter { $0.trace.finalLoss.isFinite }
        let shown = finite.count <= 3 ? finite : [finite.min { $0.trace.finalLoss < $1.trace.finalLoss }!]
        let box = runs[0].run.spec.constraints.boxes.first { $0.index == i }
        let ends = shown.map { $0.trace.finalParameters[i] }
        let range = chosen ?? box.map { $0.lower...$0.upper } ?? FigureFactory.padded(ends, by: 1)
        let xs = (0...400).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / 400 }
        var marks: [any Mark] = []
        let name = TextStyle.escape(parameter)
        let styles = styleIndices(shown)
        for (k, r) in shown.enumerated() {
            var theta = r.trace.finalParameters
            let ys = xs.map { v -> Double in theta[i] = v; return objective.loss(at: theta) }
            let label = shown.count == 1 && runs.count > 1 ? "f along \(name) at the best run's end (\(TextStyle.escape(r.run.label)))"
                : "f along \(name) at the end of \(TextStyle.escape(r.run.label))"
            marks.append(LineSeries(xs: xs, ys: ys, label: label, style: .cycle(styles[k])))
            let end = r.trace.finalParameters[i]
            marks.append(ReferenceLine(.vertical, at: end, label: "\(name) = \(NumberFormat.significant(end, 6))"))
        }
        let spacing: Axis.Spacing = logY.map { $0 ? .log : .linear } ?? .linear
        return Figure(Panel(x: Axis("parameter \(name) (the others held)", range: range), y: Axis("loss f", spacing: spacing),
                            marks: marks))
    }

    // MARK: many starts

    /// Loss against step for every run at once, thin and unlabelled, the best one drawn bold; with
    /// `parameter`, a second panel shows that parameter against step for every run.
    func starts(parameter: String?, logY: Bool?, _ runs: [RunResult], _ problem: Problem) -> Figure {
        let best = runs.filter { $0.trace.finalLoss.isFinite }.min { $0.trace.finalLoss < $1.trace.finalLoss }
        let thin = SeriesStyle(color: Color(hex: 0x0072B2, alpha: 0.45), lineWidth: 0.7)
        let bold = SeriesStyle(color: Color(hex: 0xD55E00), lineWidth: 1.8)
        let longest = runs.map(\.trace.count).max() ?? 1
        let logX = longest >= 100
        func baseRows(_ t: Trace) -> [Int] {
            var r = FigureFactory.sampledRows(t.count, limit: 600, logarithmic: logX)
            if logX, r.first == 0 { r.removeFirst() }
            return r
        }
        // The loss panel draws only rows whose loss over all data was evaluated (see `Trace.lossStride`).
        func series(lossRowsOnly: Bool = false, _ value: (Trace, Int) -> Double) -> [any Mark] {
            func rows(_ t: Trace) -> [Int] { lossRowsOnly ? baseRows(t).filter { t.isLossExact(row: $0) } : baseRows(t) }
            var marks: [any Mark] = []
            for (k, r) in runs.enumerated() where r.run.id != best?.run.id {
                let rs = rows(r.trace)
                marks.append(LineSeries(xs: rs.map(Double.init), ys: rs.map { value(r.trace, $0) },
                                        label: k == 0 || (k == 1 && runs[0].run.id == best?.run.id) ? "each of the \(runs.count) runs" : nil,
                                        style: thin))
            }
            if let b = best {
                let rs = rows(b.trace)
                marks.append(LineSeries(xs: rs.map(Double.init), ys: rs.map { value(b.trace, $0) },
                                        label: "lowest final loss: \(TextStyle.escape(b.run.label))", style: bold))
            }
            return marks
        }
        let xAxis = Axis(logX ? "step k (log scale)" : "step k", spacing: logX ? .log : .linear)
        let spacing: Axis.Spacing = logY.map { $0 ? .log : .linear } ?? .automatic
        let stride = runs.map(\.trace.lossStride).max() ?? 1
        let lossLabel = stride > 1 ? TextStyle.escape(runs.first { $0.trace.lossStride == stride }!.trace.lossLabel) : "loss f(θ)"
        var panels = [Panel(title: "loss", x: xAxis, y: Axis(lossLabel, spacing: spacing),
                            marks: series(lossRowsOnly: true) { $0.losses[$1] })]
        if let name = parameter, let i = problem.parameters.firstIndex(of: name) {
            panels.append(Panel(title: "parameter \(TextStyle.escape(name))", x: xAxis, y: Axis("parameter \(TextStyle.escape(name))"),
                                marks: series { $0.parameter(i, at: $1) }, legend: .hidden))
        }
        return Figure(columns: panels.count, panels: panels)
    }
}
