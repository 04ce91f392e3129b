import Trace

/// A value of one `RunSetting`: what a sweep, a grid or `compare --set` gives it.
public enum SettingValue: Hashable, Sendable, CustomStringConvertible {
    /// A real number (`lr = 0.1`).
    case number(Double)
    /// A whole number (`steps = 100`, `batch = 4`).
    case count(Int)
    /// `nesterov = true`.
    case flag(Bool)
    /// A word: an optimizer, a convention, or `full` for the batch.
    case choice(String)
    /// A schedule.
    case schedule(Schedule)
    /// A start, one number per parameter.
    case point([Double])

    /// The value as a position on a numeric axis, or nil for words, schedules, starts and `full`.
    public var number: Double? {
        switch self {
        case .number(let v): return v
        case .count(let k): return Double(k)
        default: return nil
        }
    }

    /// The value as written on the command line and in a map's CSV; numbers round-trip exactly
    /// (`0.1`, `step:15:0.1`, `[-4.0, 2.0]`).
    public var description: String {
        switch self {
        case .number(let v): return "\(v)"
        case .count(let k): return "\(k)"
        case .flag(let b): return "\(b)"
        case .choice(let word): return word
        case .schedule(let s): return s.compact
        case .point(let p): return "[" + p.map { "\($0)" }.joined(separator: ", ") + "]"
        }
    }
}

extension RunSetting {
    /// Reads one value written as on the command line (`0.1`, `adam`, `true`, `full`, `step:15:0.1`,
    /// `[-4, 2]`); throws a `RunSpecError` naming the setting when the text is not one.
    public func value(parsing text: String) throws -> SettingValue {
        let trimmed = text.trimmedOfSpaces
        switch values {
        case .number:
            guard let v = Double(trimmed), v.isFinite else { throw invalid("must be a finite number, got '\(trimmed)'") }
            return .number(v)
        case .count:
            guard let k = Int(trimmed) else { throw invalid("must be a whole number, got '\(trimmed)'") }
            return .count(k)
        case .flag:
            guard let b = Bool(trimmed) else { throw invalid("must be true or false, got '\(trimmed)'") }
            return .flag(b)
        case .choice(let words):
            guard words.contains(trimmed) else {
                throw invalid("must be one of \(words.joined(separator: ", ")), got '\(trimmed)'")
            }
            return .choice(trimmed)
        case .batch:
            if trimmed == "full" { return .choice("full") }
            guard let k = Int(trimmed) else { throw invalid("must be \"full\" or a whole number of rows, got '\(trimmed)'") }
            return .count(k)
        case .schedule:
            do { return .schedule(try Schedule(parsing: trimmed)) } catch { throw invalid(error.message) }
        case .point:
            var inner = Substring(trimmed)
            if inner.first == "[" && inner.last == "]" { inner = inner.dropFirst().dropLast() }
            let parts = inner.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmedOfSpaces }
            let numbers = parts.compactMap(Double.init)
            guard !parts.isEmpty, numbers.count == parts.count, numbers.allSatisfy(\.isFinite) else {
                throw invalid("must be finite numbers, one per parameter, as [a, b], got '\(trimmed)'")
            }
            return .point(numbers)
        case .compound:
            throw invalid("cannot be varied (it names parameters)")
        }
    }

    /// Splits a list of values at the commas that are not inside brackets: `[-4, 2],[1, 1]` is two starts.
    public static func splitList(_ text: String) -> [String] {
        var items: [String] = [], current = "", depth = 0
        for ch in text {
            if ch == "[" { depth += 1 } else if ch == "]" { depth -= 1 }
            if ch == "," && depth == 0 { items.append(current); current = "" } else { current.append(ch) }
        }
        items.append(current)
        return items
    }

    private func invalid(_ message: String) -> RunSpecError { .invalid(setting: self, message: message) }
}

extension RunSpec {
    /// Sets `setting` to `value`; throws a `RunSpecError` when the value is not of the setting's kind.
    ///
    /// Changing the optimizer drops the hyperparameters the new one does not have (momentum and
    /// Nesterov leave with SGD, ρ with RMSprop, β₁ and β₂ with Adam, ε with the adaptive ones, the
    /// accumulator with AdaGrad) and keeps the rest, the learning rate included; choosing Keras drops
    /// PyTorch's dampening. `steps` and `epochs` replace each other; `batch = full` means every row.
    /// The result is checked by `validate`, not here.
    public mutating func set(_ setting: RunSetting, to value: SettingValue) throws {
        func mismatch() -> RunSpecError {
            .invalid(setting: setting, message: "cannot be set to \(value)")
        }
        switch (setting, value) {
        case (.optimizer, .choice(let name)):
            guard let kind = OptimizerKind(rawValue: name) else { throw mismatch() }
            optimizer.kind = kind
            if kind != .sgd { optimizer.momentum = nil; optimizer.nesterov = false; optimizer.dampening = nil }
            if kind != .rmsprop { optimizer.rho = nil }
            if kind != .adam { optimizer.beta1 = nil; optimizer.beta2 = nil }
            if kind == .sgd { optimizer.epsilon = nil }
            if kind != .adagrad { optimizer.initialAccumulator = nil }
        case (.convention, .choice(let name)):
            guard let convention = Convention(rawValue: name) else { throw mismatch() }
            optimizer.convention = convention
            if convention == .keras { optimizer.dampening = nil }
        case (.learningRate, .number(let v)): optimizer.learningRate = v
        case (.momentum, .number(let v)): optimizer.momentum = v
        case (.nesterov, .flag(let b)): optimizer.nesterov = b
        case (.dampening, .number(let v)): optimizer.dampening = v
        case (.rho, .number(let v)): optimizer.rho = v
        case (.beta1, .number(let v)): optimizer.beta1 = v
        case (.beta2, .number(let v)): optimizer.beta2 = v
        case (.epsilon, .number(let v)): optimizer.epsilon = v
        case (.initialAccumulator, .number(let v)): optimizer.initialAccumulator = v
        case (.schedule, .schedule(let s)): schedule = s
        case (.steps, .count(let k)): stop.maxSteps = k; stop.maxEpochs = nil
        case (.epochs, .count(let k)): stop.maxEpochs = k; stop.maxSteps = nil
        case (.batch, .choice("full")): batching.batchSize = nil
        case (.batch, .count(let k)): batching.batchSize = k
        case (.shuffle, .count(let k)):
            guard k >= 0 else { throw RunSpecError.invalid(setting: setting, message: "must be ≥ 0, got \(k)") }
            batching.shuffleSeed = UInt64(k)
        case (.gradientTolerance, .number(let v)): stop.gradientTolerance = v
        case (.lossChangeTolerance, .number(let v)): stop.lossChangeTolerance = v
        case (.divergenceFactor, .number(let v)): stop.divergenceFactor = v
        case (.start, .point(let p)): start = p
        default: throw mismatch()
        }
    }

    /// The value `setting` has in this run (nil for a hyperparameter left to the library's default,
    /// and for constraints).
    public func value(of setting: RunSetting) -> SettingValue? {
        switch setting {
        case .optimizer: return .choice(optimizer.kind.rawValue)
        case .convention: return .choice(optimizer.convention.rawValue)
        case .learningRate: return optimizer.learningRate.map(SettingValue.number)
        case .momentum: return optimizer.momentum.map(SettingValue.number)
        case .nesterov: return .flag(optimizer.nesterov)
        case .dampening: return optimizer.dampening.map(SettingValue.number)
        case .rho: return optimizer.rho.map(SettingValue.number)
        case .beta1: return optimizer.beta1.map(SettingValue.number)
        case .beta2: return optimizer.beta2.map(SettingValue.number)
        case .epsilon: return optimizer.epsilon.map(SettingValue.number)
        case .initialAccumulator: return optimizer.initialAccumulator.map(SettingValue.number)
        case .schedule: return .schedule(schedule)
        case .steps: return stop.maxSteps.map(SettingValue.count)
        case .epochs: return stop.maxEpochs.map(SettingValue.count)
        case .batch: return batching.batchSize.map(SettingValue.count) ?? .choice("full")
        case .shuffle: return batching.shuffleSeed.map { .count(Int($0)) }
        case .gradientTolerance: return stop.gradientTolerance.map(SettingValue.number)
        case .lossChangeTolerance: return stop.lossChangeTolerance.map(SettingValue.number)
        case .divergenceFactor: return .number(stop.divergenceFactor)
        case .start: return .point(start)
        case .box, .simplex, .fixed: return nil
        }
    }
}

extension String {
    /// Without leading and trailing spaces.
    var trimmedOfSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
