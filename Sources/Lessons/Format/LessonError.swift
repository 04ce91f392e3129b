/// A mistake in a lesson: one line naming the file, the key (and line where known) and the problem.
public struct LessonError: Error, Equatable, CustomStringConvertible {
    /// The file the mistake is in (as the user named it, or relative to the lessons folder).
    public var file: String
    /// The key path, like `runs[2].momentum`; nil when the whole file is at fault.
    public var key: String?
    /// The 1-based line, where known.
    public var line: Int?
    /// What is wrong and what was expected.
    public var problem: String

    /// An error in `file`, at `key` and `line` where known.
    public init(file: String, key: String? = nil, line: Int? = nil, problem: String) {
        self.file = file; self.key = key; self.line = line; self.problem = problem
    }

    /// `lessons/x/lesson.toml line 12, key 'runs[1].lr': must be positive, got -0.1`
    public var description: String {
        var where_ = file
        if let line { where_ += " line \(line)" }
        if let key { where_ += (line == nil ? ", " : ", ") + "key '\(key)'" }
        return LessonError.oneLine("\(where_): \(problem)")
    }

    /// `text` with line breaks and other control characters written as escapes, so a quoted
    /// value can never split the message over several lines.
    static func oneLine(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
