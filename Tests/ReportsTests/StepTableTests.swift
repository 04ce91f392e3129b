import Foundation
import Lessons
import Plot
import Testing
@testable import Reports

/// Step tables: headers name parameters with subscripts and state buffers as their libraries do;
/// captions say the optimizer.
@Suite("Step tables")
struct StepTableTests {
    static func lesson(optimizer: String, columns: [String], parameters: String = "[\"x\", \"C_0_1\"]") throws -> Lesson {
        let quoted = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let text = """
            title = "t"

            [problem]
            objective = "x^2 + 3*C_0_1^2"
            parameters = \(parameters)
            start = [1, 2]

            [[runs]]
            id = "r"
            \(optimizer)
            lr = 0.1
            steps = 5

            [[tables]]
            id = "steps"
            run = "r"
            columns = [\(quoted)]
            caption = "Steps."
            """
        return try LessonLoader.parse(text: text, id: "t", folder: "/nonexistent", file: "t/lesson.toml",
                                      notes: nil, notesFile: "t/notes.md")
    }

    static func table(_ lesson: Lesson) throws -> (Table, String) {
        let results = try LessonResults.run(lesson)
        let spec = try #require(lesson.tables.first)
        let result = try #require(results.result(spec.run))
        return (StepTable.make(spec, trace: result.trace), StepTable.caption(spec, run: result.run))
    }

    @Test func kerasMomentumHeadsItsVelocityAndSaysSoInTheCaption() throws {
        let lesson = try Self.lesson(optimizer: "optimizer = \"sgd\"\nmomentum = 0.9",
                                     columns: ["step", "x", "C_0_1", "grad.x", "grad.C_0_1", "velocity.x", "velocity.C_0_1", "update.C_0_1"])
        let (table, caption) = try Self.table(lesson)
        #expect(table.columns.map(\.header) == ["step", "x", "C<sub>0,1</sub>", "g<sub>x</sub>", "g(C<sub>0,1</sub>)",
                                                "velocity<sub>x</sub>", "velocity(C<sub>0,1</sub>)", "ΔC<sub>0,1</sub>"])
        #expect(caption == "Steps. <i>Optimizer: Keras 3 SGD: η = 0.1, μ = 0.9; velocity is Keras's v, the step θ moves by.</i>")
    }

    @Test func adamsMomentsAreMAndV() throws {
        let lesson = try Self.lesson(optimizer: "optimizer = \"adam\"\nconvention = \"pytorch\"",
                                     columns: ["step", "m.x", "v.x"])
        let (table, caption) = try Self.table(lesson)
        #expect(table.columns.map(\.header) == ["step", "m<sub>x</sub>", "v<sub>x</sub>"])
        #expect(caption == "Steps. <i>Optimizer: PyTorch torch.optim.Adam: η = 0.1, β<sub>1</sub> = 0.9, β<sub>2</sub> = 0.999, ε = 1×10⁻⁸; m is the first moment, a running mean of g; v is the second moment, a running mean of g².</i>")
    }

    @Test(arguments: [("C_0_0", "C<sub>0,0</sub>"), ("Y_5_9", "Y<sub>5,9</sub>"), ("w1", "w<sub>1</sub>"), ("a12", "a<sub>12</sub>"),
                      ("x", "x"), ("lr2x", "lr2x"), ("b_", "b_"), ("x<y", "x&lt;y")])
    func parameterNamesGetSubscripts(name: String, markup: String) {
        #expect(Symbols.parameter(name) == markup)
    }
}
