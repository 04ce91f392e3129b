import Engine
import Foundation
import Testing
@testable import Lessons

/// The four lessons in `lessons/` load, and hold what their handouts depend on.
@Suite("Shipped lessons")
struct ShippedLessonsTests {
    /// The four lessons of the lessons issue; other lessons may sit beside them.
    static let core = ["logistic-regression", "lr-overshoot", "momentum", "quadratic-fit"]

    /// Every folder under `lessons/` holding a `lesson.toml`, sorted.
    static var ids: [String] {
        let folder = LessonText.shippedFolder()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(folder)/\($0)/lesson.toml") }.sorted()
    }

    static func load(_ id: String) throws -> Lesson {
        try LessonLoader.load(path: (LessonText.shippedFolder() as NSString).appendingPathComponent(id))
    }

    @Test(arguments: ids)
    func loadsFromItsFolder(id: String) throws {
        let lesson = try Self.load(id)
        #expect(lesson.id == id)
        #expect(!lesson.title.isEmpty)
        #expect(!lesson.runs.isEmpty)
        #expect(!lesson.figures.isEmpty)
        #expect(lesson.notes.contains(.insert(kind: "results", id: nil)))
        // Every figure and table names runs that exist.
        for figure in lesson.figures where figure.kind.name != .map { #expect(!lesson.runs(named: figure.runs).isEmpty, "figure \(figure.id)") }
        for figure in lesson.figures where figure.kind.name == .map {
            #expect(lesson.grids.contains { $0.id == figure.runs.first }, "figure \(figure.id)")
        }
        for table in lesson.tables { #expect(lesson.run(table.run) != nil, "table \(table.id)") }
    }

    @Test(arguments: ids)
    func parsesFromTextLikeFromItsFolder(id: String) throws {
        let folder = (LessonText.shippedFolder() as NSString).appendingPathComponent(id)
        let text = try String(contentsOfFile: folder + "/lesson.toml", encoding: .utf8)
        let notes = try String(contentsOfFile: folder + "/notes.md", encoding: .utf8)
        let lesson = try LessonLoader.parse(text: text, id: id, folder: folder, file: "\(id)/lesson.toml",
                                            notes: notes, notesFile: "\(id)/notes.md")
        let loaded = try Self.load(id)
        #expect(lesson.runs.map(\.id) == loaded.runs.map(\.id))
        #expect(lesson.notes == loaded.notes)
    }

    /// A worksheet for every lesson: a hand computation of a real step (it quotes the trace or blanks
    /// table cells the student fills in), a prediction and an explanation, each with an answer.
    @Test(arguments: ids)
    func hasAtLeastThreeExercisesOfEachKind(id: String) throws {
        let lesson = try Self.load(id)
        #expect(lesson.exercises.count >= 3)
        for kind in Exercise.Kind.allCases {
            #expect(lesson.exercises.contains { $0.kind == kind }, "no '\(kind.rawValue)' exercise")
        }
        let quotes = { (blocks: [NoteBlock]) in
            blocks.contains { block in
                switch block {
                case .paragraph(let t), .formula(let t): return !TraceReference.markers(in: t).isEmpty
                case .bullets(let items), .numbered(let items, _): return items.contains { !TraceReference.markers(in: $0).isEmpty }
                default: return false
                }
            }
        }
        for exercise in lesson.exercises where exercise.kind == .compute {
            let blanked = exercise.inserts("table").contains { t in lesson.tables.contains { $0.id == t && !$0.blanks.isEmpty } }
            #expect(quotes(exercise.answer) || blanked, "exercise of line \(exercise.line) quotes no step of a run")
        }
        for exercise in lesson.exercises { #expect(!exercise.answer.isEmpty && !exercise.question.isEmpty) }
    }

    @Test func theFourLessonsAreThere() {
        #expect(Set(Self.core).isSubset(of: Self.ids))
    }

    @Test func catalogListsEveryLessonSortedWithTitles() throws {
        let catalog = try Catalog(folder: LessonText.shippedFolder())
        #expect(catalog.entries.map(\.id) == Self.ids)
        for entry in catalog.entries { #expect(try Self.load(entry.id).title == entry.title) }
        #expect(catalog.entries.first { $0.id == "momentum" }?.title == "Momentum: where the velocity buffer comes from")
        #expect(try catalog.resolve("momentum").hasSuffix("lessons/momentum"))
        #expect(throws: LessonError.self) { try catalog.resolve("nope") }
    }

    @Test func momentumHasTheVelocityTableAndBothConventions() throws {
        let lesson = try Self.load("momentum")
        #expect(lesson.runs.map(\.id) == ["plain", "half", "keras", "pytorch", "keras-drop", "pytorch-drop", "nesterov"])
        let velocity = try #require(lesson.tables.first { $0.id == "velocity" })
        #expect(velocity.run == "keras")
        #expect(velocity.columns.contains("velocity.x"))
        #expect(velocity.head == 6 && velocity.tail == 2 && velocity.digits == 6)
        let pytorch = try #require(lesson.run("pytorch"))
        #expect(pytorch.spec.optimizer.convention == .pytorch)
        #expect(pytorch.spec.optimizer.momentum == 0.9)
        let drop = try #require(lesson.run("keras-drop"))
        #expect(drop.spec.schedule == .step(every: 15, factor: 0.1))
        #expect(lesson.run("nesterov")?.spec.optimizer.nesterov == true)
        #expect(lesson.problems[0].source == .builtin(name: "quadratic", curvatures: [1, 10]))
        #expect(lesson.problems[0].view?.y == "y")
    }

    @Test func quadraticFitHasItsDataChecksAndExpectedAnswer() throws {
        let lesson = try Self.load("quadratic-fit")
        let problem = lesson.problems[0]
        #expect(problem.dataFile == "data.csv")
        #expect(problem.data?.columnNames == ["x", "y"])
        #expect(problem.data?.rowCount == 4)
        #expect(problem.expected == [-1, 2.5, 0])
        #expect(problem.expectedLoss == 0.125)
        #expect(problem.view?.hold == ["a0": 0])
        #expect(lesson.checks.map(\.id) == ["learner", "correct"])
        #expect(lesson.checks.allSatisfy { $0.partials.count == 3 && $0.at == nil })
        let perSample = try #require(lesson.run("per-sample"))
        #expect(perSample.spec.batching.batchSize == 1)
        #expect(perSample.spec.stop.maxEpochs == 100_000)
        #expect(lesson.run("full-batch")?.spec.stop.gradientTolerance == 1e-9)
    }

    @Test func lrOvershootExpandsItsSweeps() throws {
        let lesson = try Self.load("lr-overshoot")
        #expect(lesson.sweeps.map(\.id) == ["bowl-rates", "valley-rates", "valley-sweep"])
        let rates = lesson.sweeps[1]
        #expect(rates.values.map(\.number) == [0.02, 0.1, 0.18, 0.21])
        #expect(rates.runIDs == ["valley-rates-1", "valley-rates-2", "valley-rates-3", "valley-rates-4"])
        #expect(lesson.runs(named: ["valley-rates"]).map { $0.spec.optimizer.learningRate } == [0.02, 0.1, 0.18, 0.21])
        let log = lesson.sweeps[2]
        #expect(log.values.count == 25)
        #expect(log.values.first?.number == 0.001)
        #expect(log.values.last?.number == 0.3)
        // 4 + 4 + 25 generated runs after the 2 declared ones.
        #expect(lesson.runs.count == 2 + 4 + 4 + 25)
        #expect(lesson.runs.filter { $0.problemID == "bowl" }.count == 5)
        #expect(lesson.run("valley-sweep-25")?.label == "η = 0.3")
    }

    @Test func logisticRegressionHasThreeProblems() throws {
        let lesson = try Self.load("logistic-regression")
        #expect(lesson.problems.map(\.id) == ["linear", "centred", "logistic"])
        #expect(lesson.run("logit")?.problemID == "logistic")
        #expect(lesson.run("centred-run")?.problemID == "centred")
        let boundary = try #require(lesson.figures.first { $0.id == "boundary" })
        guard case .boundary(_, let classColumn, let steps) = boundary.kind else { Issue.record("not a boundary figure"); return }
        #expect(classColumn == "label")
        #expect(steps == [1, 5, 25, 5000])
    }
}
