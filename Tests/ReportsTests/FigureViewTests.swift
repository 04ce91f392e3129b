import Foundation
import Lessons
import Plot
import Testing
@testable import Reports

/// A figure's own view, the known minimum, arrows scaled to the view, and the 3-D surface.
@Suite("Figure views")
struct FigureViewTests {
    /// The bowl ½(x² + 10y²) with a view, two runs, and one figure whose keys are `figure`.
    static func lesson(_ figure: String, extraProblem: String = "") throws -> Lesson {
        let text = """
            title = "t"

            [problem]
            builtin = "quadratic"
            curvatures = [1, 10]
            parameters = ["x", "y"]
            start = [-4, 2]
            expected = [0, 0]
            expected_label = "the minimum"
            \(extraProblem)

            [problem.view]
            x = "x"
            y = "y"
            x_range = [-5, 5]
            y_range = [-3, 3]

            [[runs]]
            id = "slow"
            optimizer = "sgd"
            lr = 0.02
            steps = 60

            [[runs]]
            id = "fast"
            optimizer = "sgd"
            lr = 0.15
            steps = 60

            [[figures]]
            id = "f"
            caption = "c"
            \(figure)
            """
        return try LessonLoader.parse(text: text, id: "t", folder: "/nonexistent", file: "t/lesson.toml", notes: nil, notesFile: "t/notes.md")
    }

    static func built(_ lesson: Lesson) throws -> BuiltFigure {
        try FigureFactory(results: try LessonResults.run(lesson)).build(try #require(lesson.figures.first))
    }

    @Test func aRunKeepsItsStyleFromFigureToFigure() throws {
        // "fast" is the lesson's second run: the second style on the surface and in the loss chart,
        // whether it is drawn alone or after "slow".
        for runs in ["[\"fast\"]", "[\"fast\", \"slow\"]"] {
            let surface = try #require(try Self.built(try Self.lesson("kind = \"surface\"\nruns = \(runs)")).drawable as? Figure)
            let path = try #require(surface.panels[0].marks.compactMap { $0 as? Trajectory }.first)
            #expect(path.style == .onSurface(1))
            let loss = try #require(try Self.built(try Self.lesson("kind = \"loss\"\nruns = \(runs)")).drawable as? Figure)
            let line = try #require(loss.panels[0].marks.compactMap { $0 as? LineSeries }.first)
            #expect(line.style.color == SeriesStyle.onSurface(1).color && line.style.dash == SeriesStyle.onSurface(1).dash)
        }
    }

    @Test func aFigureZoomsWithoutTouchingTheProblemsView() throws {
        let lesson = try Self.lesson("kind = \"surface\"\nruns = [\"slow\", \"fast\"]\nx_range = [-1, 1]\ny_range = [-0.5, 0.5]\nstep_window = [10, 40]")
        let figure = try #require(try Self.built(lesson).drawable as? Figure)
        let panel = figure.panels[0]
        #expect(panel.x.range == -1...1 && panel.y.range == -0.5...0.5)
        let heatmap = try #require(panel.marks.compactMap { $0 as? Heatmap }.first)
        #expect(heatmap.grid.x == -1...1 && heatmap.grid.y == -0.5...0.5)
        let paths = panel.marks.compactMap { $0 as? Trajectory }
        #expect(paths.count == 2)
        #expect(paths.allSatisfy { $0.firstStep == 10 && $0.points.count == 31 })
        #expect(paths[0].label?.hasSuffix("(steps 10–40)") == true)
        #expect(lesson.problems[0].view?.xRange == -5...5)
    }

    @Test func theKnownMinimumIsMarkedWithItsOwnLegendEntry() throws {
        let figure = try #require(try Self.built(try Self.lesson("kind = \"surface\"\nruns = [\"slow\"]")).drawable as? Figure)
        let minimum = figure.panels[0].marks.compactMap { $0 as? Scatter }.first
        #expect(minimum?.points == [DataPoint(0, 0)])
        #expect(minimum?.style.marker == .crosshair)
        #expect(figure.panels[0].marks.flatMap(\.legendEntries).contains { $0.label == "the minimum" && $0.style.marker == .crosshair })
        // A grid marks it in every panel and names it once, below the grid.
        let grid = try #require(try Self.built(try Self.lesson("kind = \"grid\"\nruns = [\"slow\", \"fast\"]")).drawable as? Figure)
        #expect(grid.panels.allSatisfy { $0.marks.contains { ($0 as? Scatter)?.style.marker == .crosshair } })
        #expect(grid.legend.contains { $0.label == "the minimum" })
        // Off the view's slice (a held parameter away from its expected value) it is not marked.
        let held = try Self.lesson("kind = \"surface\"\nruns = [\"slow\"]", extraProblem: "")
        #expect(FigureFactory.expectedPoint(held.problems[0], held.problems[0].view!) == DataPoint(0, 0))
        var moved = held.problems[0]
        moved.view?.xRange = 1...5
        #expect(FigureFactory.expectedPoint(moved, moved.view!) == nil)
    }

    @Test(arguments: [(0.5, 0.2), (0.0031, 20.0), (3.0, 0.02), (0.125, 1.0)])
    func arrowScalesAreNiceAndFitAnEighthOfTheView(_ longest: Double, _ expected: Double) {
        let scale = FigureFactory.arrowScale(longest: longest)
        #expect(abs(scale - expected) < 1e-12 * expected)
        #expect(scale * longest <= 0.125 + 1e-12 && scale * longest > 0.125 / 2.5)
    }

    @Test func gradientArrowsShareOneScaleNamedInTheLegend() throws {
        let lesson = try Self.lesson("kind = \"surface\"\nruns = [\"slow\", \"fast\"]\nsteps = [0, 5]\narrows = \"gradient\"")
        let figure = try #require(try Self.built(lesson).drawable as? Figure)
        let paths = figure.panels[0].marks.compactMap { $0 as? Trajectory }
        let scales = Set(paths.flatMap { $0.stepArrows.map(\.scale) })
        #expect(scales.count == 1)
        // At the start the gradient is (−4, 20): the longest arrow is an eighth of the view or less.
        let scale = try #require(scales.first)
        #expect(hypot(4 * scale / 10, 20 * scale / 6) <= 0.125 + 1e-12)
        let entry = try #require(paths[0].legendEntries.first { $0.showsArrow })
        #expect(entry.label == "−∇f × \(NumberFormat.short(scale)) at steps 0, 5")
    }

    @Test func aSurface3dLiftsEachPathOntoTheSurface() throws {
        let lesson = try Self.lesson("kind = \"surface3d\"\nruns = [\"slow\", \"fast\"]\nazimuth = -120\nelevation = 45")
        let plot = try #require(try Self.built(lesson).drawable as? SurfacePlot3D)
        #expect(plot.azimuth == -120 && plot.elevation == 45)
        #expect(plot.paths.count == 2)
        for path in plot.paths {
            for (p, h) in zip(path.points, path.heights) { #expect(abs(h - 0.5 * (p.x * p.x + 10 * p.y * p.y)) < 1e-12) }
        }
        #expect(plot.expected?.point == DataPoint(0, 0) && plot.expected?.loss == 0)
    }
}
