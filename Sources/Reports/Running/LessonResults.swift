import Engine
import Lessons
import Parallelism
import Trace

/// One run's trace, beside the run it came from.
public struct RunResult {
    /// The run as the lesson declared it.
    public var run: LessonRun
    /// Every step it took.
    public var trace: Trace
}

/// Every run of a lesson, done.
public struct LessonResults {
    /// The lesson the runs belong to.
    public var lesson: Lesson
    /// In the lesson's run order.
    public var results: [RunResult]
    /// Each problem's objective, by problem id.
    public var objectives: [String: ProblemObjective]
    /// Each grid's cells, by grid id.
    public var maps: [String: ConvergenceMap]

    /// Runs every run of `lesson`, spread over the machine's cores. Runs are independent
    /// and each is deterministic, so the order of completion never shows in the output.
    public static func run(_ lesson: Lesson) throws -> LessonResults {
        var objectives: [String: ProblemObjective] = [:]
        for problem in lesson.problems { objectives[problem.id] = try ProblemObjective(problem) }
        let runs = lesson.runs
        // Largest runs first so the cores finish together.
        let order = runs.indices.sorted { cost(runs[$0], lesson) > cost(runs[$1], lesson) }
        let traces = try Parallel.map(runs.count, order: order) { i in
            // Each run gets its own objective: an objective's scratch memory is not shared across threads.
            try ProblemObjective(lesson.problem(of: runs[i])).run(runs[i].spec)
        }
        let results = zip(runs, traces).map { RunResult(run: $0, trace: $1) }
        var maps: [String: ConvergenceMap] = [:]
        for grid in lesson.grids {
            maps[grid.id] = try ConvergenceMap.run(base: grid.base, x: grid.x, y: grid.y, objective: objectives[grid.problemID]!)
        }
        return LessonResults(lesson: lesson, results: results, objectives: objectives, maps: maps)
    }

    /// A rough cost (steps × rows) to schedule big runs first.
    private static func cost(_ run: LessonRun, _ lesson: Lesson) -> Int {
        let rows = max(1, lesson.problem(of: run).data?.rowCount ?? 1)
        if let epochs = run.spec.stop.maxEpochs { return epochs * rows }
        return (run.spec.stop.maxSteps ?? 1) * (run.spec.batching.batchSize.map { min($0, rows) } ?? rows)
    }

    /// The result of run `id`.
    public func result(_ id: String) -> RunResult? { results.first { $0.run.id == id } }

    /// The results a figure or table names (run ids or sweep ids), in order.
    public func results(named ids: [String]) -> [RunResult] {
        lesson.runs(named: ids).compactMap { result($0.id) }
    }

    /// The objective of the problem `run` solves.
    public func objective(of run: LessonRun) -> ProblemObjective { objectives[run.problemID]! }
}
