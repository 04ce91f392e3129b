import Engine
import Foundation
import Lessons
import Plot
import Testing
@testable import Reports

/// Runs, curvature and the stability limit behind the reports.
@Suite("Lesson results and analysis")
struct AnalysisTests {
    @Test func runningTwiceGivesIdenticalTraces() throws {
        let (lesson, folder) = try SmallLessons.shuffled()
        let first = try LessonResults.run(lesson)
        let second = try LessonResults.run(lesson)
        #expect(first.results.map(\.run.id) == lesson.runs.map(\.id))
        #expect(second.results.map(\.run.id) == lesson.runs.map(\.id))
        for (a, b) in zip(first.results, second.results) {
            #expect(a.trace.count > 1)
            #expect(a.trace.csvBytes() == b.trace.csvBytes(), "run \(a.run.id) differs between two runs")
        }
        // Each run is the engine's own run of its spec, whatever ran beside it.
        for result in first.results {
            let alone = try ProblemObjective(lesson.problem(of: result.run)).run(result.run.spec)
            #expect(alone.csvBytes() == result.trace.csvBytes(), "run \(result.run.id) differs from running it alone")
        }
        // Different seeds shuffle differently, so the runs really differ.
        #expect(Set(first.results.map { $0.trace.csvBytes() }).count == first.results.count)
        _ = folder
    }

    @Test func resultsAreInLessonOrderAndNamedLookupsWork() throws {
        let results = try LessonResults.run(try SmallLessons.bowl())
        #expect(results.results.map(\.run.id) == ["keras", "pytorch", "plain", "rates-1", "rates-2", "rates-3"])
        #expect(results.results(named: ["rates"]).map(\.run.id) == ["rates-1", "rates-2", "rates-3"])
        #expect(results.result("pytorch")?.trace.stateNames == ["buffer"])
        #expect(results.result("keras")?.trace.stateNames == ["velocity"])
        // At a constant rate Keras's velocity and PyTorch's buffer walk the same path.
        let keras = try #require(results.result("keras")).trace, pytorch = try #require(results.result("pytorch")).trace
        for row in 0..<keras.count {
            #expect(zip(keras.parameters(row: row), pytorch.parameters(row: row)).allSatisfy { abs($0 - $1) < 1e-12 })
        }
        #expect(results.result("rates-3")?.trace.verdict.isDivergence == true)
        #expect(results.result("rates-2")?.trace.verdict.isDivergence == false)
    }

    /// Symmetric matrices and their eigenvalues, ascending.
    static let matrices: [(matrix: [[Double]], eigenvalues: [Double])] = [
        (matrix: [[2, 1], [1, 2]], eigenvalues: [1, 3]),
        (matrix: [[5, 0, 0], [0, -1, 0], [0, 0, 2]], eigenvalues: [-1, 2, 5]),
        (matrix: [[2, -1, 0], [-1, 2, -1], [0, -1, 2]], eigenvalues: [2 - 2.0.squareRoot(), 2, 2 + 2.0.squareRoot()]),
        (matrix: [[4, 1, 2], [1, 3, 0], [2, 0, 1]], eigenvalues: [-0.06870782, 2.72224563, 5.34646219]),
        (matrix: [[7]], eigenvalues: [7]),
    ]

    @Test(arguments: matrices)
    func eigenvaluesOfSymmetricMatrices(matrix: [[Double]], expected: [Double]) {
        let values = Hessian.eigenvalues(matrix)
        #expect(values.count == expected.count)
        for (value, e) in zip(values, expected) { #expect(abs(value - e) < 1e-6, "\(values) vs \(expected)") }
        // The trace is preserved.
        let trace = (0..<matrix.count).map { matrix[$0][$0] }.reduce(0, +)
        #expect(abs(values.reduce(0, +) - trace) < 1e-9)
    }

    @Test func numericHessianOfAQuadraticIsItsCurvatures() {
        // f = ½(x² + 10y²) + 3xy: H = [[1, 3], [3, 10]]
        let h = Hessian.numeric(at: [0.3, -0.7]) { t in [t[0] + 3 * t[1], 10 * t[1] + 3 * t[0]] }
        #expect(abs(h[0][0] - 1) < 1e-8 && abs(h[1][1] - 10) < 1e-8)
        #expect(abs(h[0][1] - 3) < 1e-8 && h[0][1] == h[1][0])
    }

    @Test(arguments: [
        ("sgd", "", 0.2),
        ("sgd", "momentum = 0.9", 0.38),
        ("sgd", "momentum = 0.5", 0.3),
    ])
    func stabilityLimitOfTheBowl(optimizer: String, extra: String, limit: Double) throws {
        let (problem, objective, run) = try Self.bowlRun(optimizer: optimizer, extra: extra)
        let value = try #require(FigureFactory.stabilityLimit(problem, objective, run))
        #expect(abs(value - limit) < 1e-9, "2(1 + μ)/λmax = \(limit), got \(value)")
    }

    @Test(arguments: [("sgd", "momentum = 0.9\nnesterov = true"), ("adam", ""), ("rmsprop", "")])
    func noStabilityLimitWithoutAFormula(optimizer: String, extra: String) throws {
        let (problem, objective, run) = try Self.bowlRun(optimizer: optimizer, extra: extra)
        #expect(FigureFactory.stabilityLimit(problem, objective, run) == nil)
    }

    @Test func stabilityLimitOfAnExpressionUsesItsHessian() throws {
        let lesson = try LessonLoader.parse(text: """
            title = "T"
            [problem]
            objective = "2*w^2"
            parameters = ["w"]
            start = [3]
            [[runs]]
            id = "a"
            optimizer = "sgd"
            steps = 1
            """, id: "t", folder: "/nonexistent", file: "t/lesson.toml", notes: nil, notesFile: "t/notes.md")
        let objective = try ProblemObjective(lesson.problems[0])
        let value = try #require(FigureFactory.stabilityLimit(lesson.problems[0], objective, lesson.runs[0]))
        #expect(abs(value - 0.5) < 1e-6)
    }

    static func bowlRun(optimizer: String, extra: String) throws -> (Problem, ProblemObjective, LessonRun) {
        let lesson = try LessonLoader.parse(text: """
            title = "T"
            [problem]
            builtin = "quadratic"
            curvatures = [1, 10]
            start = [-4, 2]
            [[runs]]
            id = "a"
            optimizer = "\(optimizer)"
            lr = 0.01
            steps = 1
            \(extra)
            """, id: "t", folder: "/nonexistent", file: "t/lesson.toml", notes: nil, notesFile: "t/notes.md")
        return (lesson.problems[0], try ProblemObjective(lesson.problems[0]), lesson.runs[0])
    }

    @Test func rateComparisonShowsEveryRate() throws {
        let rates = GridAxis(setting: .learningRate, values: [0.02, 0.1, 0.18, 0.21].map(SettingValue.number))
        var comparison = try Comparison(lesson: try SmallLessons.bowl(), axes: [rates])
        comparison.resolution = 40
        #expect(comparison.base.id == "keras")
        #expect(comparison.fileStem == "compare-keras-lr-0.02-0.1-0.18-0.21")
        let page = try comparison.page(paper: HandoutBuilder.Paper.letter.size, canvas: RecordingCanvas())
        #expect(page.size == HandoutBuilder.Paper.letter.size)
        let canvas = RecordingCanvas()
        page.draw(in: canvas)
        let text = canvas.dump
        #expect(text.contains("A small bowl: run ‘keras’ at 4 learning rates"))
        #expect(text.contains("η = 0.02"))
        for rate in ["0.1", "0.18", "0.21"] { #expect(text.contains("η = \(rate)"), "no panel for η = \(rate)") }
    }

    @Test func rateComparisonComparesTheRunAskedFor() throws {
        let comparison = try Comparison(lesson: try SmallLessons.bowl(), axes: [GridAxis(setting: .learningRate, values: [.number(0.1)])],
                                        run: "plain")
        #expect(comparison.base.id == "plain")
        #expect(comparison.title == "A small bowl: run ‘plain’ at 1 learning rate")
        #expect(comparison.fileStem == "compare-plain-lr-0.1")
    }
}
