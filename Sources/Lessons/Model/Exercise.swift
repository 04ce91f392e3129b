/// One exercise of a lesson's worksheet, written in `notes.md` as
///
/// ```markdown
/// ::: exercise compute
/// The question, with numbers from a run: θ₁ = {{trace keras 1 x}}.
/// ::: answer
/// The answer, printed only in the answer key.
/// :::
/// ```
///
/// The handout leaves exercises out; the worksheet prints their questions with room to write, and
/// the answer key prints questions and answers.
public struct Exercise: Equatable {
    /// What the student does.
    public enum Kind: String, CaseIterable, Sendable {
        /// Work a step out by hand from the numbers given.
        case compute
        /// Say (or sketch) what will happen before seeing it.
        case predict
        /// Say why something happens.
        case explain

        /// The kind as a worksheet names it: `compute by hand`, `predict`, `explain`.
        public var title: String {
            switch self {
            case .compute: return "compute by hand"
            case .predict: return "predict"
            case .explain: return "explain"
            }
        }
    }

    /// What the student does.
    public var kind: Kind
    /// The question's blocks (inline trace numbers as `TraceReference.marker` tokens).
    public var question: [NoteBlock]
    /// The answer's blocks, printed only in the key.
    public var answer: [NoteBlock]
    /// Ruled lines of writing space the teacher asked for (`lines=N`); nil sizes the space from the answer.
    public var lines: Int?
    /// The text of the `##` heading the exercise stands under (markup), nil before the first heading.
    public var section: String?
    /// The notes line of its `::: exercise` line.
    public var line: Int

    /// An exercise.
    public init(kind: Kind, question: [NoteBlock], answer: [NoteBlock], lines: Int? = nil, section: String? = nil, line: Int) {
        self.kind = kind; self.question = question; self.answer = answer; self.lines = lines
        self.section = section; self.line = line
    }

    /// The ids of `kind` inserts (`figure`, `table`, `rule`) in the question and the answer.
    public func inserts(_ kind: String) -> [String] {
        (question + answer).compactMap { block in
            if case .insert(kind, let id?) = block { return id }
            return nil
        }
    }
}

/// A number from a run's trace that an exercise prints: `{{trace RUN STEP COLUMN}}` or
/// `{{trace RUN STEP COLUMN DIGITS}}`, inside a sentence or a formula.
public struct TraceReference: Equatable, Sendable {
    /// Which row: a step number, or the run's last row.
    public enum Step: Equatable, Sendable {
        /// Row k: θ after k steps.
        case number(Int)
        /// The run's last row, wherever it stopped.
        case last
    }

    /// The run's id.
    public var run: String
    /// The row.
    public var step: Step
    /// A trace column: `loss`, `lr`, a parameter, `grad.P`, `update.P`, a state such as `velocity.P`.
    public var column: String
    /// Significant digits printed (trailing zeros dropped).
    public var digits: Int
    /// The notes file the reference is in.
    public var file: String
    /// The notes line the reference is on.
    public var line: Int

    /// A reference.
    public init(run: String, step: Step, column: String, digits: Int, file: String, line: Int) {
        self.run = run; self.step = step; self.column = column; self.digits = digits; self.file = file; self.line = line
    }

    /// The token standing for reference number `index` in parsed markup (private-use characters that
    /// no inline Markdown rule touches), replaced by the number when a worksheet is made.
    public static func marker(_ index: Int) -> String { "\u{E000}\(index)\u{E001}" }

    /// Every `(range, index)` of a marker in `markup`, in order.
    public static func markers(in markup: String) -> [(range: Range<String.Index>, index: Int)] {
        var found: [(Range<String.Index>, Int)] = []
        var rest = markup.startIndex
        while let open = markup[rest...].firstIndex(of: "\u{E000}"),
              let close = markup[open...].firstIndex(of: "\u{E001}") {
            if let index = Int(markup[markup.index(after: open)..<close]) {
                found.append((open..<markup.index(after: close), index))
            }
            rest = markup.index(after: close)
        }
        return found
    }
}
