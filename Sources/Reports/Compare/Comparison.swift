import Engine
import Foundation
import Lessons
import Plot
import Trace

/// `steptrace compare`: one run of a lesson with one setting varied (a row of panels) or two (a grid of
/// panels, the first setting down, the second across), every panel on shared axes and one color scale,
/// above a chart of final loss against the (second) setting, on one page of the chosen paper.
public struct Comparison {
    /// The lesson whose run is compared.
    public var lesson: Lesson
    /// The run compared: a run of the lesson whose problem has a `[problem.view]`.
    public var base: LessonRun
    /// One or two settings with their values: the first down the page, the second across.
    public var axes: [GridAxis]
    /// Samples per side of the loss surface (400 matches the benchmark's matplotlib script).
    public var resolution = 400

    /// The most panels one page shows.
    public static let panelLimit = 12
    /// The most values of the second setting across a grid of panels.
    public static let columnLimit = 4

    /// The comparison of `run` (by id) over `axes`; without an id, the first declared run of the first
    /// problem with a two-parameter view (else a one-parameter one). Throws a `ReportError` when the
    /// run does not exist or has no view, when there are too many panels, or when a setting's value
    /// cannot apply to the run (`--set: beta1 does not apply to sgd`).
    public init(lesson: Lesson, axes: [GridAxis], run runID: String? = nil) throws {
        precondition((1...2).contains(axes.count), "a comparison varies one or two settings")
        self.lesson = lesson; self.axes = axes
        if let runID {
            guard let run = lesson.run(runID), run.sweep == nil else {
                let ids = lesson.runs.filter { $0.sweep == nil }.map(\.id).joined(separator: ", ")
                throw ReportError(message: "--run: no run has the id '\(runID)' in \(lesson.id) (runs: \(ids))")
            }
            guard lesson.problem(of: run).view != nil else {
                throw ReportError(message: "--run: run '\(runID)' solves '\(lesson.problem(of: run).label)', which has no [problem.view] to draw rates on")
            }
            base = run
        } else {
            guard let run = Self.defaultRun(lesson) else {
                throw ReportError(message: "\(lesson.file): no problem with a [problem.view] to compare settings on")
            }
            base = run
        }
        let count = axes.map(\.values.count).reduce(1, *)
        guard count <= Self.panelLimit else {
            throw ReportError(message: "--set: \(axes.map { String($0.values.count) }.joined(separator: " × ")) = \(count) panels, more than the \(Self.panelLimit) a page holds")
        }
        if axes.count == 2, axes[1].values.count > Self.columnLimit {
            throw ReportError(message: "--set: a grid shows at most \(Self.columnLimit) values of its second setting across, got \(axes[1].values.count) of \(axes[1].setting.key); give the longer list first")
        }
        do {
            for spec in try cellSpecs() { try spec.validate(parameterCount: base.spec.start.count) }
        } catch let error as RunSpecError {
            throw ReportError(message: "--set: \(error.description)")
        }
    }

    private static func defaultRun(_ lesson: Lesson) -> LessonRun? {
        let viewed = lesson.problems.filter { $0.view != nil }
        guard let problem = viewed.first(where: { $0.view?.y != nil }) ?? viewed.first else { return nil }
        return lesson.runs.first { $0.problemID == problem.id && $0.sweep == nil }
            ?? lesson.runs.first { $0.problemID == problem.id }
    }

    /// Every panel's run specification, row by row.
    private func cellSpecs() throws -> [RunSpec] {
        // RunGrid varies x fastest: the second setting across, the first down.
        try RunGrid.cells(base: base.spec, x: axes.last!, y: axes.count == 2 ? axes[0] : nil)
    }

    /// The file name without extension, from the run and the settings compared:
    /// `compare-valley-base-lr-0.02-0.1`, `compare-keras-optimizer-sgd-adam-lr-0.01-0.1`.
    public var fileStem: String {
        "compare-\(base.id)-" + axes.map { axis in
            ([axis.setting.key] + axis.values.map(Self.fileText)).joined(separator: "-")
        }.joined(separator: "-")
    }

    /// A value in a file name: numbers as `%g` writes them, other text with anything but letters,
    /// digits, `.` and `-` turned into `_`.
    private static func fileText(_ value: SettingValue) -> String {
        if case .number(let v) = value { return String(format: "%g", v) }
        let text: String
        if case .point(let p) = value { text = p.map { String(format: "%g", $0) }.joined(separator: "_") } else { text = value.description }
        return String(text.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
    }

    /// What was compared, for the page and the PDF title: the run and how many settings.
    public var title: String {
        let what: String
        if axes.count == 2 {
            what = "\(axes[0].values.count) × \(axes[1].values.count) settings (\(axes[0].setting.label) × \(axes[1].setting.label))"
        } else if axes[0].setting == .learningRate {
            what = axes[0].values.count == 1 ? "1 learning rate" : "\(axes[0].values.count) learning rates"
        } else {
            what = axes[0].values.count == 1 ? "1 value of \(axes[0].setting.label)" : "\(axes[0].values.count) values of \(axes[0].setting.label)"
        }
        return "\(lesson.title): run ‘\(base.id)’ at \(what)"
    }

    /// The line under the title: the problem, the run's own optimizer settings, and the values it is run at instead.
    public var subtitle: String {
        let problem = lesson.problem(of: base)
        let settings = UpdateRule.lines(for: base.spec.optimizer, schedule: base.spec.schedule).settings
        let varied = axes.map { axis in
            "\(TextStyle.escape(axis.setting.symbol)) = " + axis.values.map { TextStyle.escape(ResultsSummary.valueText($0)) }.joined(separator: ", ")
        }.joined(separator: " and ")
        return "\(TextStyle.escape(problem.label)) · the run's settings: \(settings) · here at \(varied)"
    }

    /// A panel's label: `η = 0.1`, or `optimizer = adam · η = 0.1`.
    private func label(row: Int, column: Int) -> String {
        var parts: [String] = []
        if axes.count == 2 { parts.append(Self.valueLabel(axes[0], row)) }
        parts.append(Self.valueLabel(axes.last!, column))
        return parts.joined(separator: " · ")
    }

    /// `η = 0.1`; a word alone (`adam`, `pytorch`), since it names itself.
    private static func valueLabel(_ axis: GridAxis, _ k: Int) -> String {
        if case .choice(let word) = axis.values[k], axis.setting != .batch { return word }
        return "\(axis.setting.symbol) = \(ResultsSummary.valueText(axis.values[k]))"
    }

    /// Runs every panel's run (in parallel, as a lesson's runs) and lays out the comparison on one page of
    /// `paper`, text broken as `canvas` measures it.
    public func page(paper: Size, canvas measure: Canvas) throws -> Page {
        let problem = lesson.problem(of: base)
        let columns = axes.last!.values.count
        var runs: [LessonRun] = []
        for (k, spec) in try cellSpecs().enumerated() {
            runs.append(LessonRun(id: "compare-\(k + 1)", label: label(row: k / columns, column: k % columns),
                                  problemID: base.problemID, spec: spec))
        }
        var copy = lesson
        copy.runs = runs
        copy.sweeps = []
        let results = try LessonResults.run(copy)
        var factory = FigureFactory(results: results)
        factory.surfaceResolution = resolution
        let objective = results.objective(of: base)
        let panelColumns = axes.count == 2 ? columns : (runs.count == 1 ? 1 : 2)
        // The problem's own view and every step: a comparison has no figure of its own to take a view from.
        let whole = FigureSpec.ViewSettings()
        let grid = problem.view?.y == nil
            ? factory.curves(whole, results.results, problem, objective, columns: panelColumns)
            : factory.comparisonGrid(whole, results.results, problem, objective, columns: panelColumns)
        var sheet = Sheet(pageWidth: paper.width, title: title, subtitle: subtitle, canvas: measure)
        // One panel has no curve of final loss against the setting to draw.
        let lossHeight = runs.count == 1 ? 0.0 : 190.0
        let rows = Double((runs.count + panelColumns - 1) / panelColumns)
        let available = paper.height - sheet.top - Sheet.margin - Sheet.gap - lossHeight
        let perRow = panelColumns <= 2 ? 0.44 : 0.88 / Double(panelColumns) + 0.06
        let gridHeight = min(available, sheet.width * (runs.count == 1 ? 0.85 : perRow * rows + 0.12))
        sheet.add(grid, height: gridHeight)
        if runs.count > 1 {
            sheet.add(finalLoss(results.results, problem: problem, objective: objective), height: lossHeight)
        }
        return sheet.page(height: paper.height)
    }

    /// Final loss against the setting across (one series per value of the setting down, for a grid).
    private func finalLoss(_ results: [RunResult], problem: Problem, objective: ProblemObjective) -> Figure {
        let across = axes.last!
        let columns = across.values.count
        let groups = stride(from: 0, to: results.count, by: columns).map { start -> FigureFactory.FinalLossGroup in
            let row = start / columns
            let points = (0..<columns).map { (value: across.values[$0], result: results[start + $0]) }
            return FigureFactory.FinalLossGroup(label: axes.count == 2 ? TextStyle.escape(Self.valueLabel(axes[0], row)) : nil,
                                                points: points)
        }
        let limits = Set(groups.map { FigureFactory.stabilityLimit(problem, objective, $0.points[0].result.run) })
        let limit = across.setting == .learningRate && limits.count == 1 ? limits.first! : nil
        return FigureFactory.finalLossChart(groups, setting: across.setting, limit: limit)
    }

    /// Writes the page as `folder/fileStem.png` (1600 pixels wide) and `.pdf` through `backend`; returns
    /// the two paths.
    public func write(into folder: String, paper: Size, backend: any RenderBackend, creationDate: Int) throws -> (png: String, pdf: String) {
        let page = try self.page(paper: paper, canvas: backend.measuringCanvas())
        try FileOutput.makeFolder(folder)
        let png = (folder as NSString).appendingPathComponent(fileStem + ".png")
        let pdf = (folder as NSString).appendingPathComponent(fileStem + ".pdf")
        try backend.writePage(page, png: png, pixelWidth: 1600, pdf: pdf, title: title, creationDate: creationDate)
        return (png, pdf)
    }
}
