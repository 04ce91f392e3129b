/// How schedules are written, in one place for the lesson file and the command line.
///
/// ```
/// form           lesson file                                       command line
/// constant       { kind = "constant" }                             constant
/// step           { kind = "step", every = 20, factor = 0.1 }       step:EVERY:FACTOR
/// exponential    { kind = "exponential", rate = 0.5, steps = 100 } exponential:RATE:STEPS
/// inverse-time   { kind = "inverse-time", decay = 0.01 }           inverse-time:DECAY
/// ```
/// Every field is required; counts are whole numbers ≥ 1, the others positive numbers.
extension Schedule {
    /// One field of a schedule form.
    public struct Field: Sendable {
        /// Whether the field is a count (a whole number ≥ 1) or a positive number.
        public enum Kind: Sendable { case count, positive }
        /// The lesson-file key (`every`); the command line shows it in capitals (`EVERY`).
        public let name: String
        /// Whole number or real number.
        public let kind: Kind
        /// The command line's placeholder: the name in capitals.
        public var placeholder: String { name.uppercased() }

        /// Checks one value: a count must be a whole number ≥ 1, a number positive. Returns the
        /// problem in words, or nil when the value is fine.
        public func problem(with value: Double) -> String? {
            switch kind {
            case .count: return value >= 1 && value == value.rounded() && value <= Double(Int32.max) ? nil : "a whole number ≥ 1"
            case .positive: return value.isFinite && value > 0 ? nil : "a positive number"
            }
        }
    }

    /// One way to write a schedule: its name and its fields, in order.
    public struct Form: Sendable {
        /// `constant`, `step`, `exponential`, `inverse-time`.
        public let name: String
        /// The fields, in command-line order.
        public let fields: [Field]

        /// The schedule from its fields' values, in `fields` order, each already checked.
        public func make(_ values: [Double]) -> Schedule {
            switch name {
            case "step": return .step(every: Int(values[0]), factor: values[1])
            case "exponential": return .exponential(rate: values[0], steps: Int(values[1]))
            case "inverse-time": return .inverseTime(decay: values[0])
            default: return .constant
            }
        }

        /// `step:EVERY:FACTOR`.
        public var compactPattern: String { ([name] + fields.map(\.placeholder)).joined(separator: ":") }
    }

    /// Every form, in the order messages list them.
    public static let forms: [Form] = [
        Form(name: "constant", fields: []),
        Form(name: "step", fields: [Field(name: "every", kind: .count), Field(name: "factor", kind: .positive)]),
        Form(name: "exponential", fields: [Field(name: "rate", kind: .positive), Field(name: "steps", kind: .count)]),
        Form(name: "inverse-time", fields: [Field(name: "decay", kind: .positive)]),
    ]

    /// The form called `name`, if any.
    public static func form(named name: String) -> Form? { forms.first { $0.name == name } }

    /// `constant, step:EVERY:FACTOR, exponential:RATE:STEPS or inverse-time:DECAY`.
    public static var compactPatterns: String {
        let patterns = forms.map(\.compactPattern)
        return patterns.dropLast().joined(separator: ", ") + " or " + patterns.last!
    }

    /// A schedule the one-line form cannot describe: the message says what was expected.
    public struct SyntaxError: Error, Sendable {
        /// One line, e.g. `EVERY must be a whole number ≥ 1, got '0'`.
        public let message: String
    }

    /// Reads the one-line form (`step:15:0.1`).
    public init(parsing text: String) throws(SyntaxError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let form = Schedule.form(named: parts[0]), parts.count == form.fields.count + 1 else {
            throw SyntaxError(message: "'\(text)' is not a schedule (expected \(Schedule.compactPatterns))")
        }
        var values: [Double] = []
        for (field, part) in zip(form.fields, parts.dropFirst()) {
            let value = field.kind == .count ? Int(part).map(Double.init) : Double(part)
            guard let value, field.problem(with: value) == nil else {
                throw SyntaxError(message: "\(field.placeholder) must be \(field.problem(with: .nan)!), got '\(part)'")
            }
            values.append(value)
        }
        self = form.make(values)
    }

    /// The one-line form, numbers round-tripping: `constant`, `step:15:0.1`.
    public var compact: String {
        switch self {
        case .constant: return "constant"
        case .step(let every, let factor): return "step:\(every):\(factor)"
        case .exponential(let rate, let steps): return "exponential:\(rate):\(steps)"
        case .inverseTime(let decay): return "inverse-time:\(decay)"
        }
    }
}
