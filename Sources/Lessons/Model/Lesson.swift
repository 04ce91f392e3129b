import Engine

/// A validated lesson: its problem, runs (sweeps expanded), figures, tables,
/// gradient checks and notes, ready to run and render.
public struct Lesson {
    /// The folder name under `lessons/` (or of the folder a path named).
    public var id: String
    public var title: String
    public var subtitle: String?
    /// The learner's question, as Pango markup.
    public var question: String?
    /// The lesson's folder.
    public var folder: String
    /// The lesson file, as the user would name it (for messages).
    public var file: String
    /// One or more problems; runs name theirs.
    public var problems: [Problem]
    /// Every run, declared ones first, then each sweep's runs in value order.
    public var runs: [LessonRun]
    public var sweeps: [Sweep]
    public var figures: [FigureSpec]
    public var tables: [TableSpec]
    public var checks: [GradientCheckSpec]
    /// Computations the notes place with `{{analysis ID}}`.
    public var analyses: [AnalysisSpec]
    /// The handout's prose, in order (from `notes.md`).
    public var notes: [NoteBlock]
    /// The worksheet's exercises (`::: exercise` blocks of `notes.md`), in order.
    public var exercises: [Exercise] = []
    /// The trace numbers the exercises print; `TraceReference.marker(i)` in their markup is number i.
    public var traceReferences: [TraceReference] = []

    /// The problem a run solves.
    public func problem(of run: LessonRun) -> Problem { problems.first { $0.id == run.problemID }! }
    /// The run with this id, if any.
    public func run(_ id: String) -> LessonRun? { runs.first { $0.id == id } }
    /// The runs a figure or table names: run ids, or a sweep id for all of its runs.
    public func runs(named ids: [String]) -> [LessonRun] {
        ids.flatMap { id -> [LessonRun] in
            if let sweep = sweeps.first(where: { $0.id == id }) { return sweep.runIDs.compactMap(run) }
            return run(id).map { [$0] } ?? []
        }
    }
}

/// One optimizer run of a lesson.
public struct LessonRun {
    public var id: String
    /// A short legend label (`μ = 0.9`, `PyTorch buffer`).
    public var label: String
    /// The id of the problem this run solves.
    public var problemID: String
    public var spec: RunSpec
    /// The sweep that made this run, with the swept value.
    public var sweep: (id: String, value: Double)?
}

/// One hyperparameter varied over a list of values, starting from a base run.
public struct Sweep {
    public var id: String
    /// `lr`, `momentum`, `rho`, `beta1`, `beta2`, `epsilon`.
    public var parameter: String
    public var values: [Double]
    /// The generated runs' ids, in value order.
    public var runIDs: [String]

    public init(id: String, parameter: String, values: [Double], runIDs: [String]) {
        self.id = id; self.parameter = parameter; self.values = values; self.runIDs = runIDs
    }
}

/// A claimed gradient to test against finite differences: a learner's partial derivatives.
public struct GradientCheckSpec {
    public var id: String
    public var label: String
    /// The problem whose gradient is checked.
    public var problemID: String
    /// One expression per parameter: the claimed ∂loss/∂θᵢ for one data row.
    public var partials: [String]
    /// Where to check; nil for the problem's start.
    public var at: [Double]?
}
