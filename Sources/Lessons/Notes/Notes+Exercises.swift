import Engine

extension Notes {
    /// A notes file split into the handout's blocks and the worksheet's exercises.
    public struct Document: Equatable {
        /// The handout's blocks, exercises left out.
        public var blocks: [NoteBlock]
        /// The exercises, in order.
        public var exercises: [Exercise]
        /// Every `{{trace …}}` of the exercises; `TraceReference.marker(i)` in their markup stands for number i.
        public var references: [TraceReference]
    }

    /// The exercise kinds, as `::: exercise KIND` names them.
    static let exerciseKinds = Exercise.Kind.allCases.map(\.rawValue)

    /// The inserts an exercise may hold on a line of their own.
    public static let exerciseInserts = ["figure", "table", "rule"]

    /// Parses `text` as `parse(_:file:)` does, and takes out exercise blocks:
    ///
    /// ```markdown
    /// ::: exercise compute lines=6
    /// The question (paragraphs, lists, formulas, {{figure ID}}, {{table ID}}, {{rule RUN}}),
    /// with numbers from a run: {{trace keras 1 velocity.x}} or {{trace keras last loss 3}}.
    /// ::: answer
    /// The answer.
    /// :::
    /// ```
    ///
    /// Mistakes name the notes line: an unknown kind, an answer without a question, an exercise
    /// without an answer or without its closing `:::`, a `{{trace}}` outside an exercise.
    public static func document(_ text: String, file: String) throws -> Document {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var main = lines
        var exercises: [Exercise] = []
        var references: [TraceReference] = []
        var section: String?
        /// The exercise being read: its header, and the line numbers of its question and answer.
        var open: (kind: Exercise.Kind, lines: Int?, line: Int, section: String?, question: [Int], answer: [Int]?)?

        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            let trimmed = line.trimmingSpaces()
            let fail = { (problem: String) in LessonError(file: file, line: number, problem: problem) }
            if trimmed.hasPrefix(":::") {
                main[offset] = ""
                let words = trimmed.dropFirst(3).split(separator: " ").map(String.init)
                switch words.first {
                case "exercise":
                    if let current = open {
                        throw fail("an exercise cannot hold another (close the one of line \(current.line) with ':::' first)")
                    }
                    let header = try exerciseHeader(Array(words.dropFirst()), fail: fail)
                    open = (header.kind, header.lines, number, section, [], nil)
                case "answer":
                    guard words.count == 1 else { throw fail("'::: answer' takes nothing after it") }
                    guard let current = open else { throw fail("'::: answer' outside an exercise (start one with '::: exercise KIND')") }
                    guard current.answer == nil else { throw fail("a second '::: answer' in the exercise of line \(current.line)") }
                    guard current.question.contains(where: { !lines[$0 - 1].trimmingSpaces().isEmpty }) else {
                        throw fail("an answer without a question: write the question between '::: exercise' and '::: answer'")
                    }
                    open?.answer = []
                case nil:
                    guard let current = open else { throw fail("':::' closes nothing (an exercise starts with '::: exercise KIND')") }
                    guard let answer = current.answer else {
                        throw fail("the exercise of line \(current.line) ends without an answer (write it after '::: answer')")
                    }
                    guard answer.contains(where: { !lines[$0 - 1].trimmingSpaces().isEmpty }) else {
                        throw fail("'::: answer' is empty: write the answer before ':::'")
                    }
                    let question = try exerciseBlocks(current.question, of: lines, file: file, references: &references)
                    let answerBlocks = try exerciseBlocks(answer, of: lines, file: file, references: &references)
                    exercises.append(Exercise(kind: current.kind, question: question, answer: answerBlocks,
                                              lines: current.lines, section: current.section, line: current.line))
                    open = nil
                default:
                    throw fail("unknown block \(ErrorText.quoted(trimmed)) (expected '::: exercise KIND', '::: answer' or ':::')")
                }
                continue
            }
            if open != nil {
                main[offset] = ""
                if open?.answer != nil { open?.answer?.append(number) } else { open?.question.append(number) }
                if trimmed.hasPrefix("#") { throw fail("a heading cannot stand inside an exercise; close it with ':::' first") }
                if trimmed.hasPrefix("{{"), !trimmed.hasPrefix("{{trace") {
                    let kind = String(trimmed.dropFirst(2).prefix { $0.isLetter })
                    guard exerciseInserts.contains(kind) else {
                        throw fail("an exercise may place {{figure ID}}, {{table ID}} and {{rule RUN}}; {{\(kind)}} belongs to the notes outside it")
                    }
                }
                continue
            }
            if line.contains("{{trace") {
                throw fail("{{trace …}} numbers go inside exercise blocks (between '::: exercise KIND' and ':::')")
            }
            if trimmed.hasPrefix("#") && !line.hasPrefix("    ") {
                section = inline(String(trimmed.drop { $0 == "#" }).trimmingSpaces())
            }
        }
        if let current = open {
            throw LessonError(file: file, line: current.line, problem: "the exercise has no closing ':::'")
        }
        return Document(blocks: try parse(main.joined(separator: "\n"), file: file), exercises: exercises,
                        references: references)
    }

    /// `KIND` and options after `::: exercise`.
    private static func exerciseHeader(_ words: [String], fail: (String) -> LessonError) throws -> (kind: Exercise.Kind, lines: Int?) {
        guard let name = words.first else {
            throw fail("'::: exercise' needs a kind: \(exerciseKinds.joined(separator: ", "))")
        }
        guard let kind = Exercise.Kind(rawValue: name) else {
            throw fail("unknown exercise kind \(ErrorText.quoted(name)) (expected \(exerciseKinds.joined(separator: ", ")))")
        }
        var lines: Int?
        for option in words.dropFirst() {
            guard option.hasPrefix("lines="), let n = Int(option.dropFirst(6)), (0...40).contains(n), lines == nil else {
                throw fail("unknown exercise option \(ErrorText.quoted(option)) (expected lines=N, N from 0 to 40: the ruled lines of writing space)")
            }
            lines = n
        }
        return (kind, lines)
    }

    /// The blocks of the exercise lines `numbers`, parsed in place (other lines blank, so errors keep
    /// their line numbers), every `{{trace …}}` replaced by its marker and added to `references`.
    private static func exerciseBlocks(_ numbers: [Int], of lines: [String], file: String,
                                       references: inout [TraceReference]) throws -> [NoteBlock] {
        var text = [String](repeating: "", count: lines.count)
        for number in numbers {
            text[number - 1] = try replacingTraces(lines[number - 1], file: file, line: number, references: &references)
        }
        return try parse(text.joined(separator: "\n"), file: file)
    }

    /// `line` with each `{{trace RUN STEP COLUMN [DIGITS]}}` replaced by the marker of a new reference.
    private static func replacingTraces(_ line: String, file: String, line number: Int,
                                        references: inout [TraceReference]) throws -> String {
        var out = ""
        var rest = Substring(line)
        while let open = rest.range(of: "{{trace") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw LessonError(file: file, line: number, problem: "'{{trace' without a closing '}}'")
            }
            let words = rest[open.upperBound..<close.lowerBound].split(separator: " ").map(String.init)
            let usage = "as in {{trace keras 2 velocity.x}} (run, step or 'last', column, optionally significant digits)"
            guard words.count == 3 || words.count == 4 else {
                throw LessonError(file: file, line: number, problem: "{{trace …}} needs a run, a step and a column, \(usage)")
            }
            let step: TraceReference.Step
            if words[1] == "last" {
                step = .last
            } else if let k = Int(words[1]), k >= 0 {
                step = .number(k)
            } else {
                throw LessonError(file: file, line: number, problem: "step \(ErrorText.quoted(words[1])) in {{trace …}} is not a whole number ≥ 0 or 'last', \(usage)")
            }
            var digits = 6
            if words.count == 4 {
                guard let d = Int(words[3]), (1...15).contains(d) else {
                    throw LessonError(file: file, line: number, problem: "digits \(ErrorText.quoted(words[3])) in {{trace …}} must be a whole number from 1 to 15")
                }
                digits = d
            }
            out += TraceReference.marker(references.count)
            references.append(TraceReference(run: words[0], step: step, column: words[2], digits: digits, file: file, line: number))
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
