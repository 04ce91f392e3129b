import Foundation
import Engine

extension LessonDecoder {
    func decodeRun(_ r: TableReader, problems: [Problem]) throws -> LessonRun {
        let id = try r.requiredString("id")
        try checkIdentifier(r, "id", id)
        let problem = try self.problem(named: r, in: problems)
        let label = try r.string("label") ?? id
        let kindName = try r.requiredString(RunSetting.optimizer.key)
        guard let kind = OptimizerKind(rawValue: kindName) else {
            throw r.error(RunSetting.optimizer.key, "unknown optimizer '\(kindName)' (expected \(OptimizerKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let conventionName = try r.string(RunSetting.convention.key) ?? "keras"
        guard let convention = Convention(rawValue: conventionName) else {
            throw r.error(RunSetting.convention.key, "unknown convention '\(conventionName)' (expected keras or pytorch)")
        }
        func number(_ setting: RunSetting) throws -> Double? { try r.double(setting.key) }
        let optimizer = OptimizerSpec(
            kind: kind, convention: convention, learningRate: try number(.learningRate), momentum: try number(.momentum),
            nesterov: try r.bool(RunSetting.nesterov.key) ?? false, dampening: try number(.dampening), rho: try number(.rho),
            beta1: try number(.beta1), beta2: try number(.beta2), epsilon: try number(.epsilon),
            initialAccumulator: try number(.initialAccumulator))
        let schedule = try r.table(RunSetting.schedule.key).map(decodeSchedule) ?? .constant
        let steps = try r.int(RunSetting.steps.key), epochs = try r.int(RunSetting.epochs.key)
        switch (steps, epochs) {
        case (nil, nil): throw r.error("steps", "a run needs 'steps' or 'epochs'")
        case (.some, .some): throw r.error("epochs", "give 'steps' or 'epochs', not both")
        default: break
        }
        if epochs != nil && problem.data == nil { throw r.error("epochs", "epochs count passes over data; this problem has no data file (use 'steps')") }
        let stop = StopRules(maxSteps: steps, maxEpochs: epochs, gradientTolerance: try number(.gradientTolerance),
                             lossChangeTolerance: try number(.lossChangeTolerance),
                             divergenceFactor: try number(.divergenceFactor) ?? 1e6)
        var batching = Batching()
        switch try r.stringOrInt("batch") {
        case nil, .string("full")?: break
        case .int(let k)?:
            guard k >= 1 else { throw r.error("batch", "must be \"full\" or a whole number of rows ≥ 1, got \(k)") }
            guard problem.data != nil else { throw r.error("batch", "batches need a data file") }
            batching.batchSize = k
        case .string(let s)?: throw r.error("batch", "must be \"full\" or a whole number of rows, got \"\(s)\"")
        }
        if let seed = try r.int("shuffle") {
            guard seed >= 0 else { throw r.error("shuffle", "the seed must be ≥ 0, got \(seed)") }
            batching.shuffleSeed = UInt64(seed)
        }
        let constraints = try decodeConstraints(r, problem: problem)
        let ownStart = r.isGiven("start") ? try decodeElements(r, "start", declarations: problem.declarations, parameters: problem.parameters, constants: problem.constants) : nil
        let start = ownStart ?? problem.start
        try r.finish()
        let spec = RunSpec(start: start, optimizer: optimizer, schedule: schedule, constraints: constraints,
                           stop: stop, batching: batching)
        try validate(spec, problem: problem, reader: r)
        if let bad = problem.firstBadStart([start]) {
            // A start taken from the problem is named by the run (its key would not be in the run's table).
            throw ownStart == nil ? r.error(nil, bad.error.description(naming: "the start of problem '\(problem.id)'"))
                : r.error("start", bad.error.description)
        }
        return LessonRun(id: id, label: label, problemID: problem.id, spec: spec, sweep: nil)
    }

    /// Checks the run with the engine's own rules (settings, constraints, the trace's size for
    /// this problem), naming the lesson key.
    func validate(_ spec: RunSpec, problem: Problem, reader r: TableReader) throws {
        do {
            try spec.validate(parameterNames: problem.parameters, rowCount: problem.data?.rowCount ?? 0)
        } catch let error as RunSpecError {
            throw r.error(error.setting.key, error.message)
        }
    }

    /// `{ kind = "step", every = 20, factor = 0.1 }`: the forms and fields of `Schedule.forms`.
    func decodeSchedule(_ r: TableReader) throws -> Schedule {
        let kind = try r.requiredString("kind")
        guard let form = Schedule.form(named: kind) else {
            throw r.error("kind", "unknown schedule '\(kind)' (expected \(Schedule.forms.map(\.name).joined(separator: ", ")))")
        }
        var values: [Double] = []
        for field in form.fields {
            switch field.kind {
            case .count:
                guard let v = try r.int(field.name) else { throw r.error(field.name, "is required for a '\(kind)' schedule") }
                guard v >= 1 else { throw r.error(field.name, "must be at least 1, got \(v)") }
                values.append(Double(v))
            case .positive:
                guard let v = try r.double(field.name) else { throw r.error(field.name, "is required for a '\(kind)' schedule") }
                guard v > 0 else { throw r.error(field.name, "must be positive, got \(v)") }
                values.append(v)
            }
        }
        try r.finish()
        return form.make(values)
    }

    /// `box`, `simplex` and `fixed`. Each names parameters as the problem declares them: a scalar
    /// (`b`), an element (`a[2]`, `C[0,1]`), a whole array (`a`: every element) or `diag(C)`.
    private func decodeConstraints(_ r: TableReader, problem: Problem) throws -> Constraints {
        var constraints = Constraints()
        func indices(_ reader: TableReader, _ key: String, _ name: String) throws -> [Int] {
            guard let found = problem.indices(of: name) else {
                let names = problem.declarations.map(\.name)
                let shown = names.count > 8 ? names.prefix(8).joined(separator: ", ") + ", …" : names.joined(separator: ", ")
                throw reader.error(key, "'\(name)' is not a parameter (parameters: \(shown))")
            }
            return found
        }
        if let box = try r.table("box") {
            for name in box.keys {
                let members = try indices(box, name, name)
                guard let bounds = try box.doubles(name), bounds.count == 2, bounds[0] <= bounds[1] else {
                    throw box.error(name, "expected [low, high] with low ≤ high")
                }
                constraints.boxes += members.map { .init(index: $0, lower: bounds[0], upper: bounds[1]) }
            }
            try box.finish()
        }
        if let groups = try r.strings("simplex") {
            let members = try groups.flatMap { try indices(r, "simplex", $0) }
            guard Set(members).count == members.count, members.count >= 2 else {
                throw r.error("simplex", "needs two or more different parameters")
            }
            constraints.simplexGroups = [members]
        }
        if let fixed = try r.strings("fixed") {
            constraints.fixed = try fixed.flatMap { try indices(r, "fixed", $0) }
        }
        return constraints
    }

    func decodeSweep(_ r: TableReader, problems: [Problem], runs: [LessonRun], takenIDs: [String]) throws -> (Sweep, [LessonRun]) {
        let id = try r.requiredString("id")
        try checkIdentifier(r, "id", id)
        guard !takenIDs.contains(id) else { throw r.error("id", "'\(id)' is already the id of a run or sweep") }
        let base = try baseRun(r, runs: runs)
        let name = try r.requiredString("parameter")
        guard let setting = RunSetting(key: name), setting.isVariable else {
            throw r.error("parameter", "cannot sweep '\(name)' (expected one of: \(RunSetting.variableKeys.joined(separator: ", ")))")
        }
        if setting == .start { return try decodeStartSweep(r, id: id, base: base, problems: problems) }
        let (axis, valuesKey) = try decodeAxisValues(r, setting: setting)
        guard axis.values.count <= 200 else {
            throw r.error(valuesKey, "at most 200 values per sweep, got \(axis.values.count)")
        }
        let labelPattern = try r.string("label") ?? "\(setting.symbol) = {value}"
        try r.finish()
        var generated: [LessonRun] = []
        for (i, value) in axis.values.enumerated() {
            var spec = base.spec
            do {
                try spec.set(setting, to: value)
                try spec.validate()
            } catch let error as RunSpecError {
                throw r.error(valuesKey == "values" ? "values[\(i)]" : valuesKey, error.message)
            }
            let label = labelPattern.replacingOccurrences(of: "{value}", with: Self.shortText(value))
            generated.append(LessonRun(id: "\(id)-\(i + 1)", label: label, problemID: base.problemID, spec: spec,
                                       sweep: (id, value)))
        }
        return (Sweep(id: id, setting: setting, values: axis.values, runIDs: generated.map(\.id)), generated)
    }

    /// The run a sweep or grid starts from (`run = "id"`).
    func baseRun(_ r: TableReader, runs: [LessonRun]) throws -> LessonRun {
        let baseID = try r.requiredString("run")
        guard let base = runs.first(where: { $0.id == baseID }) else {
            throw r.error("run", "no run has the id '\(baseID)' (runs: \(runs.map(\.id).joined(separator: ", ")))")
        }
        return base
    }

    /// A setting's values: `values = [...]` (numbers, words, `true`/`false`, `"full"`, schedules such as
    /// `"step:15:0.1"`, or starts `[a, b]`), or for numbers `log_range = [from, to, count]` or
    /// `range = [from, to, count]`. Returns the axis and the key the values came from.
    func decodeAxisValues(_ r: TableReader, setting: RunSetting) throws -> (GridAxis, String) {
        let listed = try r.settingValues("values", for: setting)
        let logRange = try r.doubles("log_range")
        let linearRange = try r.doubles("range")
        let given = [("values", listed != nil), ("log_range", logRange != nil), ("range", linearRange != nil)].filter(\.1)
        guard given.count <= 1 else { throw r.error(given[1].0, "give 'values', 'log_range' or 'range', not two of them") }
        if let listed {
            guard !listed.isEmpty else { throw r.error("values", "needs at least one value") }
            return (GridAxis(setting: setting, values: listed), "values")
        }
        guard let (key, numbers) = logRange.map({ ("log_range", $0) }) ?? linearRange.map({ ("range", $0) }) else {
            throw r.error("values", "needs 'values', 'log_range' or 'range'")
        }
        let log = key == "log_range"
        guard numbers.count == 3, numbers[1] > numbers[0], numbers[2] >= 2, numbers[2] == numbers[2].rounded(),
              numbers[2] <= 1e6, !log || numbers[0] > 0 else {
            throw r.error(key, "expected [from, to, count] with \(log ? "0 < from" : "from") < to and a whole count ≥ 2")
        }
        do {
            return (try GridAxis.range(setting, from: numbers[0], to: numbers[1], count: Int(numbers[2]), log: log), key)
        } catch let error as RunSpecError {
            throw r.error(key, error.message)
        }
    }

    /// A value for a label: numbers in at most four significant digits, anything else as written.
    static func shortText(_ value: SettingValue) -> String {
        if case .number(let v) = value { return shortNumber(v) }
        return value.description
    }

    /// A number in at most four significant digits, for labels.
    static func shortNumber(_ v: Double) -> String {
        if v != 0 && (abs(v) < 1e-3 || abs(v) >= 1e5) { return String(format: "%.3g", v) }
        var s = String(format: "%.4g", v)
        if s.contains("e") { return s }
        if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
        return s
    }
}
