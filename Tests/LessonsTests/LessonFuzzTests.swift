import Engine
import Lessons
import Testing

/// 100,000 mutated lesson files through the TOML parser and the lesson decoder: each
/// either loads or is refused with one `LessonError` line. Nothing may trap or hang.
@Suite("Lesson file fuzzing")
struct LessonFuzzTests {
    static let base = """
        title = "Fuzz"
        [problem]
        objective = "0.5*(x^2 + 10*y^2)"
        parameters = ["x", "y"]
        start = [-4, 2]
        expected = [0, 0]
        [problem.view]
        x = "x"
        y = "y"
        x_range = [-5, 5]
        y_range = [-3, 3]
        [[runs]]
        id = "a"
        optimizer = "sgd"
        lr = 0.02
        momentum = 0.9
        steps = 10
        schedule = { kind = "step", every = 5, factor = 0.5 }
        [[sweeps]]
        id = "s"
        run = "a"
        parameter = "lr"
        values = [0.01, 0.1]
        [[figures]]
        id = "f"
        kind = "surface"
        runs = ["a", "s"]
        caption = "c"
        [[tables]]
        id = "t"
        run = "a"
        columns = ["step", "x", "velocity.x"]
        caption = "c"
        """

    static let tokens = ["=", "[", "]", "[[", "]]", "{", "}", "\"", "'", ",", ".", "\n", "#", "x", "y", "runs", "problem",
                         "-1", "1e400", "nan", "inf", "true", "\"\"", "\"\"\"", "0x1F", "😀", "\u{0}", " ", "steps = 0",
                         "lr = -1", "kind = \"grid\"", "momentum = 1.5", "[problem.view]", "id = \"a\""]

    static func mutate(_ random: inout SeededGenerator) -> String {
        var chars = Array(base.unicodeScalars)
        let edits = 1 + Int(random.below(6))
        for _ in 0..<edits {
            let at = Int(random.below(UInt64(chars.count + 1)))
            switch random.below(4) {
            case 0 where !chars.isEmpty:
                chars.remove(at: min(at, chars.count - 1))
            case 1:
                let token = tokens[Int(random.below(UInt64(tokens.count)))]
                chars.insert(contentsOf: token.unicodeScalars, at: at)
            case 2 where !chars.isEmpty:
                let token = tokens[Int(random.below(UInt64(tokens.count)))].unicodeScalars
                let end = min(chars.count, at + token.count)
                chars.replaceSubrange(min(at, chars.count)..<end, with: token)
            default:
                let lines = String(String.UnicodeScalarView(chars)).split(separator: "\n", omittingEmptySubsequences: false)
                var shuffled = lines.map(String.init)
                if shuffled.count > 2 {
                    let i = Int(random.below(UInt64(shuffled.count))), j = Int(random.below(UInt64(shuffled.count)))
                    shuffled.swapAt(i, j)
                }
                chars = Array(shuffled.joined(separator: "\n").unicodeScalars)
            }
        }
        return String(String.UnicodeScalarView(chars))
    }

    @Test("100,000 mutated lesson files load or fail with one line", .timeLimit(.minutes(5)))
    func fuzz() {
        var random = SeededGenerator(seed: 4)
        var loaded = 0, refused = 0
        for _ in 0..<100_000 {
            let text = Self.mutate(&random)
            do {
                _ = try LessonLoader.parse(text: text, id: "fuzz", folder: "/nonexistent-fuzz", file: "fuzz/lesson.toml",
                                           notes: nil, notesFile: "fuzz/notes.md")
                loaded += 1
            } catch let error as LessonError {
                #expect(!error.description.contains("\n"), "\(error.description)")
                #expect(error.description.hasPrefix("fuzz/lesson.toml"))
                refused += 1
            } catch {
                Issue.record("not a LessonError: \(error) for \(text.debugDescription)")
            }
        }
        #expect(loaded + refused == 100_000)
        #expect(loaded > 1_000 && refused > 10_000)
    }
}
