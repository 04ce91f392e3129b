import Engine

/// A validated lesson: its problem, runs (sweeps expanded), figures, tables,
/// gradient checks and notes, ready to run and render.
public struct Lesson {
    /// The folder name under `lessons/` (or of the folder a path named).
    public var id: String
    /// The title from `lesson.toml`, as plain text.
    public var title: String
    /// An optional line under the title.
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
    /// `[[sweeps]]`: one setting over several values, each value a run in `runs`.
    public var sweeps: [Sweep]
    /// Runs over two settings at once, whose cells keep only how they ended (for `map` figures).
    public var grids: [LessonGrid]
    /// `[[figures]]`, in file order.
    public var figures: [FigureSpec]
    /// `[[tables]]`: step tables, in file order.
    public var tables: [TableSpec]
    /// `[[checks]]`: claimed gradients tested against finite differences.
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
    /// The run's id; it names the trace file (`traces/ID.csv.gz`).
    public var id: String
    /// A short legend label (`μ = 0.9`, `PyTorch buffer`).
    public var label: String
    /// The id of the problem this run solves.
    public var problemID: String
    /// What the run does: start, optimizer, constraints, stop rules, batches.
    public var spec: RunSpec
    /// The sweep that made this run, with the swept value.
    public var sweep: (id: String, value: SettingValue)?

    /// A run of `problemID` called `id`, labelled `label`.
    public init(id: String, label: String, problemID: String, spec: RunSpec, sweep: (id: String, value: SettingValue)? = nil) {
        self.id = id; self.label = label; self.problemID = problemID; self.spec = spec; self.sweep = sweep
    }
}

/// One setting varied over a list of values, starting from a base run.
public struct Sweep {
    /// The sweep's id; figures name it to mean all of its runs.
    public var id: String
    /// The setting varied (any variable `RunSetting`; `start` for a sweep over starting points).
    public var setting: RunSetting
    /// The values, one per generated run.
    public var values: [SettingValue]
    /// The generated runs' ids, in value order.
    public var runIDs: [String]

    /// A sweep `id` of `setting` over `values`, made into the runs `runIDs`.
    public init(id: String, setting: RunSetting, values: [SettingValue], runIDs: [String]) {
        self.id = id; self.setting = setting; self.values = values; self.runIDs = runIDs
    }
}

/// One run over every combination of two settings' values (`[[grids]]`): what a `map` figure shows.
public struct LessonGrid {
    /// The grid's id; a `map` figure names it in `runs`.
    public var id: String
    /// The run every cell starts from, and the problem it solves.
    public var baseRunID: String
    /// The id of the problem the base run (and every cell) solves.
    public var problemID: String
    /// The base run's specification.
    public var base: RunSpec
    /// The setting across and its values.
    public var x: GridAxis
    /// The setting up and its values.
    public var y: GridAxis

    /// A grid `id` over `x` and `y` from the run `baseRunID`.
    public init(id: String, baseRunID: String, problemID: String, base: RunSpec, x: GridAxis, y: GridAxis) {
        self.id = id; self.baseRunID = baseRunID; self.problemID = problemID; self.base = base; self.x = x; self.y = y
    }
}

/// A claimed gradient to test against finite differences: a learner's partial derivatives.
public struct GradientCheckSpec {
    /// The check's id (`{{check ID}}` places it).
    public var id: String
    /// What is checked, for the caption.
    public var label: String
    /// The problem whose gradient is checked.
    public var problemID: String
    /// One expression per parameter: the claimed ∂loss/∂θᵢ for one data row.
    public var partials: [String]
    /// Where to check; nil for the problem's start.
    public var at: [Double]?
}
