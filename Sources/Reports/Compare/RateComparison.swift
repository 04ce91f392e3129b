import Engine
import Dispatch
import Foundation
import Lessons
import Plot
import Trace

/// `steptrace compare`: a lesson's problem at several learning rates, one panel per rate on shared
/// axes and one color scale, above a chart of final loss against rate.
public struct RateComparison {
    public var lesson: Lesson
    public var rates: [Double]
    /// Samples per side of the loss surface (400 matches the benchmark's matplotlib script).
    public var resolution = 400

    public init(lesson: Lesson, rates: [Double]) {
        self.lesson = lesson; self.rates = rates
    }

    /// The run every rate starts from: the first declared run of the first problem with a view.
    public var baseRun: LessonRun? {
        let viewed = lesson.problems.filter { $0.view != nil }
        let problem = viewed.first { $0.view?.y != nil } ?? viewed.first
        guard let problem else { return nil }
        return lesson.runs.first { $0.problemID == problem.id && $0.sweep == nil }
            ?? lesson.runs.first { $0.problemID == problem.id }
    }

    /// Runs the base run at every rate and lays out the comparison page (width 540 pt).
    public func page() throws -> Page {
        guard let base = baseRun else {
            throw ReportError(message: "\(lesson.file): no problem with a [problem.view] to compare rates on")
        }
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
        let lossSpec = FigureSpec(id: "final-loss", kind: .finalLoss, caption: "", runs: ["compare"])
        let grid = try factory.build(gridSpec)
        let loss = try factory.build(lossSpec)
        let width = 540.0, margin = 10.0
        let rows = Double((runs.count + 1) / 2)
        let gridHeight = (width - 2 * margin) * (runs.count == 1 ? 0.85 : 0.44 * rows + 0.12)
        let lossHeight = 190.0
        return Page(size: Size(width, gridHeight + lossHeight + 3 * margin), items: [
            Page.Item(frame: Rect(x: margin, y: margin, width: width - 2 * margin, height: gridHeight), content: grid.drawable),
            Page.Item(frame: Rect(x: margin, y: 2 * margin + gridHeight, width: width - 2 * margin, height: lossHeight),
                      content: loss.drawable),
        ])
    }
}
