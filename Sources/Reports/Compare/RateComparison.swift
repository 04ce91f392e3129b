import Engine
import Dispatch
import Foundation
import Lessons
import Plot
import Trace

/// `steptrace compare`: one run of a lesson at several learning rates, one panel per rate on shared
/// axes and one color scale, above a chart of final loss against rate, on one page of the chosen paper.
public struct RateComparison {
    /// The lesson whose run is compared.
    public var lesson: Lesson
    /// The learning rates, one panel each, in the order given.
    public var rates: [Double]
    /// The run compared: a run of the lesson whose problem has a `[problem.view]`.
    public var base: LessonRun
    /// Samples per side of the loss surface (400 matches the benchmark's matplotlib script).
    public var resolution = 400

    /// Compares `run` (by id) at `rates`; without an id, the first declared run of the first problem with
    /// a two-parameter view (else a one-parameter one). Throws when the run does not exist or has no view.
    public init(lesson: Lesson, rates: [Double], run runID: String? = nil) throws {
        self.lesson = lesson; self.rates = rates
        if let runID {
            guard let run = lesson.run(runID) else {
                let ids = lesson.runs.filter { $0.sweep == nil }.map(\.id).joined(separator: ", ")
                throw ReportError(message: "--run: no run has the id '\(runID)' in \(lesson.id) (runs: \(ids))")
            }
            guard lesson.problem(of: run).view != nil else {
                throw ReportError(message: "--run: run '\(runID)' solves '\(lesson.problem(of: run).label)', which has no [problem.view] to draw rates on")
            }
            base = run
        } else {
            guard let run = Self.defaultRun(lesson) else {
                throw ReportError(message: "\(lesson.file): no problem with a [problem.view] to compare rates on")
            }
            base = run
        }
    }

    private static func defaultRun(_ lesson: Lesson) -> LessonRun? {
        let viewed = lesson.problems.filter { $0.view != nil }
        guard let problem = viewed.first(where: { $0.view?.y != nil }) ?? viewed.first else { return nil }
        return lesson.runs.first { $0.problemID == problem.id && $0.sweep == nil }
            ?? lesson.runs.first { $0.problemID == problem.id }
    }

    /// The file name without extension, from the settings compared: `compare-valley-base-lr-0.02-0.1`.
    public var fileStem: String {
        "compare-\(base.id)-lr-" + rates.map { String(format: "%g", $0) }.joined(separator: "-")
    }

    /// What was compared, for the page and the PDF title: the run, its problem and the rates.
    public var title: String {
        let count = rates.count == 1 ? "1 learning rate" : "\(rates.count) learning rates"
        return "\(lesson.title): run ‘\(base.id)’ at \(count)"
    }

    /// The line under the title: the problem, the run's own optimizer settings, and the rates it is run at instead.
    public var subtitle: String {
        let problem = lesson.problem(of: base)
        let settings = UpdateRule.lines(for: base.spec.optimizer, schedule: base.spec.schedule).settings
        let rates = self.rates.map { NumberFormat.short($0) }.joined(separator: ", ")
        return "\(Notes.escape(problem.label)) · the run's settings: \(settings) · here at η = \(rates)"
    }

    /// Runs the base run at every rate and lays out the comparison on one page of `paper`, text broken
    /// as `canvas` measures it.
    public func page(paper: Size, canvas measure: Canvas) throws -> Page {
        let problem = lesson.problem(of: base)
        let objective = try ProblemObjective(problem)
        var runs: [LessonRun] = []
        for rate in rates {
            var run = base
            run.id = "compare-\(runs.count + 1)"
            run.spec.optimizer.learningRate = rate
            run.label = "η = \(NumberFormat.short(rate))"
            run.sweep = ("compare", rate)
            runs.append(run)
        }
        var traces = [Trace?](repeating: nil, count: runs.count)
        var failure: Error?
        traces.withUnsafeMutableBufferPointer { slots in
            let lock = NSLock()
            DispatchQueue.concurrentPerform(iterations: runs.count) { i in
                do {
                    // A fresh objective per thread: objectives own scratch memory.
                    slots[i] = try ProblemObjective(problem).run(runs[i].spec)
                } catch {
                    lock.lock(); failure = error; lock.unlock()
                }
            }
        }
        if let failure { throw failure }
        var lessonCopy = lesson
        lessonCopy.runs = runs
        lessonCopy.sweeps = [Sweep(id: "compare", parameter: "lr", values: rates, runIDs: runs.map(\.id))]
        let results = LessonResults(lesson: lessonCopy, results: zip(runs, traces).map { RunResult(run: $0, trace: $1!) },
                                    objectives: [problem.id: objective])
        var factory = FigureFactory(results: results)
        factory.surfaceResolution = resolution
        let gridSpec = FigureSpec(id: "compare", kind: problem.view?.y == nil ? .curve : .grid, caption: "", runs: ["compare"])
        let grid = try factory.build(gridSpec)
        let margin = 36.0, width = paper.width - 2 * margin, gap = 10.0
        let titleStyle = TextStyle(family: "DejaVu Sans", size: 12, bold: true)
        let subtitleStyle = TextStyle(family: "DejaVu Sans", size: 9, color: Color(hex: 0x444444))
        let heading = TextBlock.wrapping(Notes.escape(title), width: width, style: titleStyle, lineHeight: 15, canvas: measure)
        let sub = TextBlock.wrapping(subtitle, width: width, style: subtitleStyle, lineHeight: 12, canvas: measure)
        let top = margin + heading.height + 4 + sub.height + gap
        // One rate has no curve of final loss against rate to draw.
        let lossHeight = runs.count == 1 ? 0.0 : 190.0
        let rows = Double((runs.count + 1) / 2)
        let available = paper.height - top - margin - gap - lossHeight
        let gridHeight = min(available, width * (runs.count == 1 ? 0.85 : 0.44 * rows + 0.12))
        var items = [
            Page.Item(frame: Rect(x: margin, y: margin, width: width, height: heading.height), content: heading),
            Page.Item(frame: Rect(x: margin, y: margin + heading.height + 4, width: width, height: sub.height), content: sub),
            Page.Item(frame: Rect(x: margin, y: top, width: width, height: gridHeight), content: grid.drawable),
        ]
        if runs.count > 1 {
            let loss = try factory.build(FigureSpec(id: "final-loss", kind: .finalLoss, caption: "", runs: ["compare"]))
            items.append(Page.Item(frame: Rect(x: margin, y: top + gridHeight + gap, width: width, height: lossHeight),
                                   content: loss.drawable))
        }
        return Page(size: paper, items: items)
    }
}
