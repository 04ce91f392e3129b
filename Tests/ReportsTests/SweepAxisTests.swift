import Foundation
import Lessons
import Plot
import Testing
@testable import Reports

/// The axis a sweep's values are drawn on: chosen from the values, or as the lesson says.
@Suite("Sweep axes")
struct SweepAxisTests {
    static func lesson(parameter: String, values: String, extra: String = "") throws -> Lesson {
        let text = """
            title = "t"

            [problem]
            builtin = "quadratic"
            curvatures = [1, 10]
            start = [-4, 2]

            [[runs]]
            id = "base"
            optimizer = "sgd"
            lr = 0.02
            steps = 50

            [[sweeps]]
            id = "sweep"
            run = "base"
            parameter = "\(parameter)"
            values = \(values)

            [[figures]]
            id = "final"
            kind = "final-loss"
            runs = ["sweep"]
            caption = "c"
            \(extra)
            """
        return try LessonLoader.parse(text: text, id: "t", folder: "/nonexistent", file: "t/lesson.toml",
                                      notes: nil, notesFile: "t/notes.md")
    }

    static func panel(_ lesson: Lesson) throws -> Panel {
        let factory = FigureFactory(results: try LessonResults.run(lesson))
        let spec = try #require(lesson.figures.first)
        let built = try factory.build(spec)
        let figure = try #require(built.drawable as? Figure)
        return try #require(figure.panels.first)
    }

    @Test func momentumFromZeroIsLinearAndKeepsZero() throws {
        let panel = try Self.panel(try Self.lesson(parameter: "momentum", values: "[0, 0.5, 0.9]"))
        #expect(panel.x.spacing == .linear)
        #expect(panel.x.label == "momentum μ")
        let series = try #require(panel.marks.first as? LineSeries)
        #expect(series.xs == [0, 0.5, 0.9])
    }

    @Test func ratesOverTwoDecadesAreLog() throws {
        let panel = try Self.panel(try Self.lesson(parameter: "lr", values: "[0.001, 0.01, 0.1]"))
        #expect(panel.x.spacing == .log)
        #expect(panel.x.label == "learning rate η (log scale)")
    }

    @Test func theLessonCanSayLinear() throws {
        let panel = try Self.panel(try Self.lesson(parameter: "lr", values: "[0.001, 0.01, 0.1]", extra: "log_x = false"))
        #expect(panel.x.spacing == .linear)
        #expect(panel.x.label == "learning rate η")
    }

    @Test(arguments: [
        ([0, 0.5, 0.9], nil, Axis.Spacing.linear),
        ([0.01, 0.02, 0.05], nil, .linear),
        ([0.01, 0.02, 0.2], nil, .log),
        ([-1, 1, 100], nil, .linear),
        ([0.01, 0.02, 0.05], true, .log),
        ([.nan, 1, 1000], nil, .log),
    ] as [([Double], Bool?, Axis.Spacing)])
    func spacingFromValues(values: [Double], override: Bool?, expected: Axis.Spacing) {
        #expect(ValueAxis.spacing(of: values, override: override) == expected)
    }

    @Test func logXOnValuesWithZeroIsRefused() {
        #expect {
            _ = try Self.lesson(parameter: "momentum", values: "[0, 0.5, 0.9]", extra: "log_x = true")
        } throws: { error in
            "\(error)" == "t/lesson.toml line 25, key 'figures[0].log_x': a log axis cannot show 0.0 (run 'sweep-1'); remove log_x to choose the axis from the values"
        }
    }
}
