import Foundation
import Lessons
import Plot
import TestSupport
import Testing
@testable import Reports

/// The `starts` fact: which starts reach the best loss, for minima of any sign.
@Suite("Starts fact")
struct StartsFactTests {
    @Test(arguments: [
        ([-3.51391, -3.51391, -3.51391, -3.0, -2.0, .nan], 3),
        ([-3.513910000001, -3.51391, -3.5139, 0.5], 2),
        ([1e-9, 5e-7, 2e-6, .infinity], 2),
        ([4000, 4000.003, 4000.01], 2),
    ] as [([Double], Int)])
    func nearBestCountsForAnySignAndScale(losses: [Double], expected: Int) {
        #expect(HandoutComposer.nearBest(losses).count == expected, "\(losses)")
    }

    @Test func aNegativeMinimumIsCountedInTheHandout() throws {
        let text = """
            title = "A double well"

            [problem]
            objective = "(x^2 - 1)^2 - 2"
            parameters = ["x"]
            start = [2]

            [[runs]]
            id = "gd"
            optimizer = "sgd"
            lr = 0.05
            steps = 400

            [[sweeps]]
            id = "wells"
            run = "gd"
            parameter = "start"
            starts = [[2], [-2], [0.5], [-0.5]]
            """
        let lesson = try LessonLoader.parse(text: text, id: "well", folder: "/nonexistent", file: "well/lesson.toml",
                                            notes: "{{fact starts}}", notesFile: "well/notes.md")
        let backend = FakeBackend()
        let output = try TemporaryFolder(prefix: "steptrace-reports")
        _ = try ReportWriter(backend: backend, compression: backend, paper: .a4, version: "9", creationDate: 0).write(lesson, output: output.folder)
        let all = texts(of: try #require(backend.log.pdfs.first).document).joined(separator: " ")
            .replacingOccurrences(of: "\n", with: " ")
        #expect(all.contains("<tt>wells</tt>: 4 of 4 end at its best f = −2 (equal to within a millionth of |f|, or 10⁻⁶ when |f| &lt; 1), 2 different end points to three digits"), "\(all)")
        #expect(all.contains("4 runs from 4 starts; none diverged; lowest final loss −2 from x₀ = "), "\(all)")
    }
}
