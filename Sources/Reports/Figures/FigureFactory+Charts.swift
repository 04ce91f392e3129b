import Foundation
import Engine
import Lessons
import Plot
import Trace

extension FigureFactory {
    // MARK: line charts against step

    /// Rows to draw for a trace: all of them, or about 2000 evenly spread (always the first and last)
    /// when each needs a full-data evaluation.
    /// With `logarithmic`, the rows are spread evenly in log(step) instead, for a log step axis.
    static func sampledRows(_ count: Int, limit: Int = 2000, logarithmic: Bool = false) -> [Int] {
        guard count > limit else { return Array(0..<count) }
        var rows: [Int]
        if logarithmic {
            let top = log(Double(count - 1))
            rows = [0] + (0..<limit).map { Int(exp(top * Double($0) / Double(limit - 1)).rounded()) }
        } else {
            rows = (0..<limit).map { Int((Double($0) / Double(limit - 1) * Double(count - 1)).rounded()) }
        }
        rows[rows.count - 1] = count - 1
        var unique: [Int] = []
        for r in rows where r != unique.last { unique.append(min(r, count - 1)) }
        return unique
    }

    /// Whether a run's trace rows hold per-batch values rather than the whole objective's.
    static func isMiniBatch(_ r: RunResult, _ problem: Problem) -> Bool {
        guard let rows = problem.data?.rowCount, let k = r.run.spec.batching.batchSize else { return false }
        return k < rows
    }

    /// What a chart against step draws for every run.
    enum StepQuantity {
        /// The loss over all data.
        case loss
        /// ‖∇f‖ (over all data, with mini-batches).
        case gradientNorm
        /// The learning rate.
        case learningRate
        /// A parameter, by name.
        case parameter(String)
        /// A state buffer of a parameter.
        case state(String, parameter: String)
    }

    /// `quantity` against step, one series per run (the kinds `loss`, `gradient-norm`, `learning-rate`,
    /// `parameter` and `state`).
    func series(_ quantity: StepQuantity, _ settings: FigureSpec.SeriesSettings, _ runs: [RunResult], _ problem: Problem,
                _ objective: ProblemObjective) -> Figure {
        let longest = runs.map(\.trace.stepCount).max() ?? 1, shortest = max(1, runs.map(\.trace.stepCount).min() ?? 1)
        let logX = settings.stepWindow == nil && longest / shortest >= 20 && longest >= 100
        var marks: [any Mark] = []
        var yLabel = ""
        let styles = styleIndices(runs)
        for (k, r) in runs.enumerated() {
            let t = r.trace
            var rows: [Int]
            var ys: [Double]
            switch quantity {
            case .gradientNorm where FigureFactory.isMiniBatch(r, problem):
                rows = FigureFactory.sampledRows(t.count, logarithmic: logX)
                ys = rows.map { row in objective.evaluate(at: t.parameters(row: row)).gradient.map { $0 * $0 }.reduce(0, +).squareRoot() }
                yLabel = "gradient norm ‖∇f‖ over all data"
            case .loss:
                // The trace's loss is over all data; with a stride only its evaluated rows are drawn.
                rows = t.exactLossRows; ys = rows.map(t.loss(at:))
                yLabel = problem.data == nil ? "loss f(θ)" : t.lossLabel
            case .gradientNorm:
                rows = Array(0..<t.count)
                let columns = (0..<t.parameterCount).map(t.gradientColumn)
                ys = rows.map { row in columns.map { $0[row] * $0[row] }.reduce(0, +).squareRoot() }
                yLabel = "gradient norm ‖∇f(θ)‖"
            case .learningRate:
                rows = Array(0..<t.count); ys = t.learningRates
                yLabel = "learning rate η"
            case .parameter(let name):
                let p = t.parameterNames.firstIndex(of: name)!
                rows = Array(0..<t.count); ys = t.parameterColumn(p)
                yLabel = "parameter \(TextStyle.escape(name))"
            case .state(let state, let name):
                let p = t.parameterNames.firstIndex(of: name)!
                rows = Array(0..<t.count); ys = t.stateColumn(state, parameter: p) ?? []
                yLabel = Symbols.indexed(TextStyle.escape(state), by: name)
            }
            if logX, rows.first == 0 { rows.removeFirst(); ys.removeFirst() }
            let window = FigureFactory.window(settings.stepWindow, t.count)
            if settings.stepWindow != nil {
                let kept = rows.indices.filter { window.contains(rows[$0]) }
                rows = kept.map { rows[$0] }; ys = kept.map { ys[$0] }
            }
            let style = SeriesStyle.cycle(styles[k])
            marks.append(LineSeries(xs: rows.map(Double.init), ys: ys, label: FigureFactory.windowedLabel(TextStyle.escape(r.run.label), settings.stepWindow, window),
                                    style: style, showsMarkers: rows.count <= 60))
            switch t.verdict {
            case .diverged(let step, _) where window.contains(step):
                marks.append(ReferenceLine.event(at: Double(step), label: "diverged at step \(step)"))
            case .converged where runs.count <= 3 && window.contains(t.stepCount):
                marks.append(ReferenceLine.event(at: Double(t.stepCount), label: "stop rule fired at step \(t.stepCount)"))
            default: break
            }
        }
        if case .parameter(let name) = quantity, let e = problem.expected, let p = problem.parameters.firstIndex(of: name) {
            marks.append(ReferenceLine(.horizontal, at: e[p], label: "\(TextStyle.escape(problem.expectedLabel)): \(NumberFormat.short(e[p]))"))
        }
        let yAxisSpacing: Axis.Spacing
        switch (settings.logY, quantity) {
        case (true?, _): yAxisSpacing = .log
        case (false?, _): yAxisSpacing = .linear
        case (nil, .loss), (nil, .gradientNorm): yAxisSpacing = .automatic
        case (nil, .learningRate), (nil, .parameter), (nil, .state): yAxisSpacing = .linear
        }
        let panel = Panel(x: Axis(logX ? "step k (log scale)" : "step k", spacing: logX ? .log : .linear),
                          y: Axis(yLabel, spacing: yAxisSpacing), marks: marks)
        return Figure(panel)
    }

    // MARK: data views

    /// The model's value on rows where `columns` take the given values and other columns are 0.
    /// The model at `theta` for every row of `table` (a table with the data's columns).
    static func modelValues(_ problem: Problem, theta: [Double], table: DataTable) throws -> [Double] {
        guard let model = problem.model else { return [] }
        let objective = try ExpressionObjective(expression: model, parameters: problem.declarations, constants: problem.constants, data: table)
        return (0..<table.rowCount).map { objective.lossValue(at: theta, rows: [$0]) }
    }

    static func padded(_ values: [Double], by fraction: Double = 0.08) -> ClosedRange<Double> {
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        let pad = max((hi - lo) * fraction, 1e-9)
        return (lo - pad)...(hi + pad)
    }

    static func stepLabel(_ trace: Trace, _ row: Int, _ run: LessonRun) -> String {
        if run.spec.stop.maxEpochs != nil, row > 0 {
            let epoch = Int(trace.epochs[row])
            return "epoch \(epoch)"
        }
        return "step \(row)"
    }

    /// The model's curve over the data columns at `steps`, with the data.
    func fit(_ columns: FigureSpec.DataColumns, steps: [Int], _ r: RunResult, _ problem: Problem) throws -> Figure {
        let data = problem.data!
        let xs = data.column(named: columns.x)!, ys = data.column(named: columns.y)!
        let range = FigureFactory.padded(xs, by: 0.1)
        let grid = (0..<200).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / 199 }
        // The model's input: the curve's x values in their column, every other column 0.
        let table = try DataTable(columns: data.columnNames.map { ($0, $0 == columns.x ? grid : Array(repeating: 0, count: grid.count)) })
        let rows = Array(Set(steps.map { min($0, r.trace.count - 1) })).sorted()
        var members: [CurveFamily.Member] = []
        for row in rows {
            let values = try FigureFactory.modelValues(problem, theta: r.trace.parameters(row: row), table: table)
            members.append(CurveFamily.Member(label: FigureFactory.stepLabel(r.trace, row, r.run),
                                              points: zip(grid, values).map { DataPoint($0, $1) }))
        }
        let points = Scatter(zip(xs, ys).map { DataPoint($0, $1) }, label: "data",
                             style: SeriesStyle(color: Color(hex: 0xD55E00), marker: .circle, markerSize: 7))
        let yValues = ys + members.flatMap { $0.points.map(\.y) }.filter(\.isFinite)
        let panel = Panel(x: Axis("\(TextStyle.escape(columns.x)) (data column)", range: range),
                          y: Axis("\(TextStyle.escape(columns.y)) (data column)", range: FigureFactory.padded(yValues)),
                          marks: [CurveFamily(members), points])
        return Figure(panel)
    }

    /// The p = 0.5 boundary of the model over the data columns at `steps`, with the data by class.
    func boundary(_ columns: FigureSpec.DataColumns, classColumn: String, steps: [Int], _ r: RunResult,
                  _ problem: Problem) throws -> Figure {
        let data = problem.data!
        let xs = data.column(named: columns.x)!, ys = data.column(named: columns.y)!
        let classes = data.column(named: classColumn)!
        let n = 80
        let (plane, xRange, yRange) = try FigureFactory.planeGrid(problem, x: columns.x, y: columns.y, size: n)
        let rows = Array(Set(steps.map { min($0, r.trace.count - 1) })).sorted()
        let shades = Colormap.lightToDarkBlue
        var marks: [any Mark] = []
        for (k, row) in rows.enumerated() {
            let p = try FigureFactory.modelValues(problem, theta: r.trace.parameters(row: row), table: plane)
            let grid = SurfaceGrid(width: n, height: n, x: xRange, y: yRange, values: p)
            let t = rows.count == 1 ? 1.0 : Double(k) / Double(rows.count - 1)
            let color = shades.color(at: 0.25 + 0.75 * t)
            marks.append(DecisionBoundary(probability: grid, label: "p = 0.5 at \(FigureFactory.stepLabel(r.trace, row, r.run))",
                                          stroke: StrokeStyle(width: 1.6, color: color, dash: k == rows.count - 1 ? [] : [6, 3])))
        }
        let zero = zip(xs, ys).enumerated().filter { classes[$0.offset] < 0.5 }.map { DataPoint($0.element.0, $0.element.1) }
        let one = zip(xs, ys).enumerated().filter { classes[$0.offset] >= 0.5 }.map { DataPoint($0.element.0, $0.element.1) }
        marks.append(Scatter(zero, label: "\(TextStyle.escape(classColumn)) = 0",
                             style: SeriesStyle(color: Color(hex: 0xE69F00), marker: .circle, markerSize: 6)))
        marks.append(Scatter(one, label: "\(TextStyle.escape(classColumn)) = 1",
                             style: SeriesStyle(color: Color(hex: 0x0072B2), marker: .triangle, markerSize: 6.5)))
        let panel = Panel(x: Axis("\(TextStyle.escape(columns.x)) (feature)", range: xRange),
                          y: Axis("\(TextStyle.escape(columns.y)) (feature)", range: yRange), marks: marks)
        return Figure(panel)
    }

    // MARK: sweeps

    /// 2(1 + μ)/λmax for plain or heavy-ball SGD, the largest stable learning rate on a quadratic.
    static func stabilityLimit(_ problem: Problem, _ objective: ProblemObjective, _ run: LessonRun) -> Double? {
        let settings = run.spec.optimizer.resolved()
        guard settings.kind == .sgd, !settings.nesterov else { return nil }
        let at = problem.expected ?? problem.start
        let h = Hessian.numeric(at: at) { objective.evaluate(at: $0).gradient }
        guard let lambdaMax = Hessian.eigenvalues(h).last, lambdaMax > 0 else { return nil }
        return 2 * (1 + settings.momentum) / lambdaMax
    }

    /// Final loss against the value of the sweep among `runs`.
    func finalLoss(logX: Bool?, logY: Bool?, _ runs: [RunResult], _ problem: Problem, _ objective: ProblemObjective) -> Figure {
        let swept = runs.filter { $0.run.sweep != nil }
        let setting = lesson.sweeps.first { $0.id == swept.first?.run.sweep?.id }?.setting ?? .learningRate
        let limit = setting == .learningRate ? FigureFactory.stabilityLimit(problem, objective, swept[0].run) : nil
        let group = FinalLossGroup(label: nil, points: swept.map { ($0.run.sweep!.value, $0) })
        return FigureFactory.finalLossChart([group], setting: setting, logX: logX, logY: logY, limit: limit)
    }

    /// Runs with the value of the varied setting each ran at, drawn as one series.
    struct FinalLossGroup {
        /// The legend label (markup); nil for a single unlabelled series.
        var label: String?
        /// Each run with its value.
        var points: [(value: SettingValue, result: RunResult)]
    }

    /// Final loss against the value of `setting`, one series per group: numbers on a numeric axis (log
    /// when they span more than a decade, or as `logX` says), anything else by name, one category per
    /// value in the first group's order. Diverged runs are crosses above the finite losses; for a
    /// learning-rate sweep, `limit` (2(1 + μ)/λmax) is a vertical line.
    static func finalLossChart(_ groups: [FinalLossGroup], setting: RunSetting, logX: Bool? = nil, logY: Bool? = nil,
                               limit: Double?) -> Figure {
        let all = groups.flatMap(\.points)
        let numeric = all.allSatisfy { $0.value.number != nil }
        let categories = groups.first.map { $0.points.map(\.value) } ?? []
        func position(_ value: SettingValue) -> Double {
            numeric ? value.number! : Double(categories.firstIndex(of: value) ?? 0)
        }
        func finalLoss(_ r: RunResult) -> Double { r.trace.verdict.isDivergence ? .nan : r.trace.finalLoss }
        let ySpacing = ValueAxis.spacing(of: all.map { finalLoss($0.result) }, override: logY)
        let xSpacing = numeric ? ValueAxis.spacing(of: all.map { $0.value.number! }, override: logX) : .linear
        var marks: [any Mark] = []
        let diverged = all.filter { $0.result.trace.verdict.isDivergence }
        // A lone series needs no legend entry unless something else (crosses, the limit) shares the legend.
        let lone = groups.count == 1 && diverged.isEmpty && !(setting == .learningRate && limit != nil)
        for (k, group) in groups.enumerated() {
            let points = numeric ? group.points.sorted { position($0.value) < position($1.value) } : group.points
            let xs = points.map { position($0.value) }, ys = points.map { finalLoss($0.result) }
            let label = group.label ?? (lone ? nil : "final loss")
            var dots = SeriesStyle.cycle(k)
            dots.markerSize = 8
            marks.append(numeric
                ? LineSeries(xs: xs, ys: ys, label: label, style: .cycle(k), showsMarkers: true)
                : Scatter(zip(xs, ys).filter { $0.1.isFinite }.map { DataPoint($0.0, $0.1) }, label: label, style: dots))
        }
        if !diverged.isEmpty {
            // Above the highest finite loss: three times it on a log axis, a quarter of the range on a linear one.
            let finite = all.map { finalLoss($0.result) }.filter(\.isFinite)
            let high = finite.max() ?? 1, low = finite.min() ?? 0
            let top = ySpacing == .log ? high * 3 : high + max(0.25 * (high - low), 0.1 * abs(high), 1e-3)
            // One series: vermillion; several: near-black, so no series' color is mistaken for it.
            let color = Color(hex: groups.count == 1 ? 0xD55E00 : 0x222222)
            marks.append(Scatter(diverged.map { DataPoint(position($0.value), top) }, label: "diverged",
                                 style: SeriesStyle(color: color, marker: .cross, markerSize: 7)))
        }
        if setting == .learningRate, let limit {
            marks.append(ReferenceLine(.vertical, at: limit, label: "2/λ<sub>max</sub> = \(NumberFormat.short(limit))"))
        }
        let steps = all.map(\.result.trace.stepCount).max() ?? 0
        var xAxis = Axis(ValueAxis.label(TextStyle.escape(setting.axisLabel), xSpacing), spacing: xSpacing)
        if !numeric {
            xAxis.range = -0.5...(Double(categories.count) - 0.5)
            xAxis.ticks = categories.enumerated().map { Tick(value: Double($0), label: TextStyle.escape(ResultsSummary.valueText($1))) }
        }
        let panel = Panel(x: xAxis, y: Axis(ValueAxis.label("loss after \(steps) steps", ySpacing), spacing: ySpacing), marks: marks)
        return Figure(panel)
    }
}
