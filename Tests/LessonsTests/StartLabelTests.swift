import Testing
@testable import Lessons

/// A start sweep's runs are labelled by their starts, unless the teacher wrote a label.
@Suite("Start sweep labels")
struct StartLabelTests {
    static func lesson(starts: String, label: String = "", parameters: String = "[\"x\", \"y\"]", start: String = "[0, 0]") throws -> Lesson {
        try LessonText.parse("""
            title = "T"

            [problem]
            objective = "x^2 + y^2"
            parameters = \(parameters)
            start = \(start)

            [[runs]]
            id = "a"
            optimizer = "sgd"
            lr = 0.1
            steps = 5

            [[sweeps]]
            id = "s"
            run = "a"
            parameter = "start"
            starts = \(starts)
            \(label)
            """)
    }

    @Test func twoVaryingParametersNameThePair() throws {
        let lesson = try Self.lesson(starts: "[[-2, 1], [0.5, -1.25]]")
        #expect(lesson.runs.filter { $0.sweep != nil }.map(\.label) == ["(x₀, y₀) = (−2, 1)", "(x₀, y₀) = (0.5, −1.25)"])
    }

    @Test func onlyTheVaryingParameterIsNamed() throws {
        let lesson = try Self.lesson(starts: "[[-2, 1], [3, 1]]")
        #expect(lesson.runs.filter { $0.sweep != nil }.map(\.label) == ["x₀ = −2", "x₀ = 3"])
    }

    @Test func aTeachersLabelWins() throws {
        let lesson = try Self.lesson(starts: "[[-2, 1], [3, 1]]", label: "label = \"start {value}\"")
        #expect(lesson.runs.filter { $0.sweep != nil }.map(\.label) == ["start 1", "start 2"])
    }

    @Test func manyVaryingParametersGiveTheWholeVector() {
        #expect(LessonDecoder.startLabel([1, -2, 3, 0.25], names: ["a", "b", "c", "d"], varying: [0, 1, 2, 3])
                == "θ₀ = (1, −2, 3, 0.25)")
    }
}
