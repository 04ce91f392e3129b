import Foundation
import Engine

extension LessonDecoder {
    /// The hyperparameters a sweep may vary, as written in a lesson file.
    static let sweepable = ["lr", "momentum", "rho", "beta1", "beta2", "epsilon"]

    func decodeRun(_ r: TableReader, problems: [Problem]) throws -> LessonRun {
        let id = try r.requiredString("id")
        try checkIdentifier(r, "id", id)
        let problem = try self.problem(named: r, in: problems)
        let label = try r.string("label") ?? id
        let kindName = try r.requiredString("optimizer")
        guard let kind = OptimizerKind(rawValue: kindName) else {
            throw r.error("optimizer", "unknown optimizer '\(kindName)' (expected \(OptimizerKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let conventionName = try r.string("convention") ?? "keras"
        guard let convention = Convention(rawValue: conventionName) else {
            throw r.error("convention", "unknown convention '\(conventionName)' (expected keras or pytorch)")
        }
        let optimizer = OptimizerSpec(
            kind: kind, convention: convention, learningRate: try r.double("lr"), momentum: try r.double("momentum"),
            nesterov: try r.bool("nesterov") ?? false, dampening: try r.double("dampening"), rho: try r.double("rho"),
            beta1: try r.double("beta1"), beta2: try r.double("beta2"), epsilon: try r.double("epsilon"),
            initialAccumulator: try r.double("initial_accumulator"))
        let schedule = try r.table("schedule").map(decodeSchedule) ?? .constant
        let steps = try r.int("steps"), epochs = try r.int("epochs")
        switch (steps, epochs) {
        case (nil, nil): throw r.error("steps", "a run needs 'steps' or 'epochs'")
        case (.some, .some): throw r.error("epochs", "give 'steps' or 'epochs', not both")
        default: break
        }
        if epochs != nil && problem.data == nil { throw r.error("epochs", "epochs count passes over data; this problem has no data file (use 'steps')") }
        let stop = StopRules(maxSteps: steps, maxEpochs: epochs, gradientTolerance: try r.double("gradient_tolerance"),
                             lossChangeTolerance: try r.double("loss_tolerance"),
                             divergenceFactor: try r.double("divergence_factor") ?? 1e6)
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
            throw r.error(Self.lessonKey(forSetting: error.setting), error.message)
        }
    }

    /// The lesson-file key for an engine setting name.
    static func lessonKey(forSetting setting: String) -> String {
        switch setting {
        case "learningRate", "learning rate": return "lr"
        case "initialAccumulator", "initial accumulator": return "initial_accumulator"
        case "gradientTolerance": return "gradient_tolerance"
        case "lossChangeTolerance": return "loss_tolerance"
        case "divergenceFactor": return "divergence_factor"
        case "maxSteps": return "steps"
        case "maxEpochs": return "epochs"
        default: return setting
        }
    }

    private func decodeSchedule(_ r: TableReader) throws -> Schedule {
        let kind = try r.requiredString("kind")
        func positive(_ key: String) throws -> Double {
            guard let v = try r.double(key) else { throw r.error(key, "is required for a '\(kind)' schedule") }
            guard v > 0 else { throw r.error(key, "must be positive, got \(v)") }
            return v
        }
        func count(_ key: String) throws -> Int {
            guard let v = try r.int(key) else { throw r.error(key, "is required for a '\(kind)' schedule") }
            guard v >= 1 else { throw r.error(key, "must be at least 1, got \(v)") }
            return v
        }
        let schedule: Schedule
        switch kind {
        case "constant": schedule = .constant
        case "step": schedule = .step(every: try count("every"), factor: try positive("factor"))
        case "exponential": schedule = .exponential(rate: try positive("rate"), steps: try count("steps"))
        case "inverse-time": schedule = .inverseTime(decay: try positive("decay"))
        default: throw r.error("kind", "unknown schedule '\(kind)' (expected constant, step, exponential, inverse-time)")
        }
        try r.finish()
        return schedule
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
        let baseID = try r.requiredString("run")
        guard let base = runs.first(where: { $0.id == baseID }) else {
            throw r.error("run", "no run has the id '\(baseID)' (runs: \(runs.map(\.id).joined(separator: ", ")))")
        }
        let parameter = try r.requiredString("parameter")
        if parameter == "start" { return try decodeStartSweep(r, id: id, base: base, problems: problems) }
        guard Self.sweepable.contains(parameter) else {
            throw r.error("parameter", "cannot sweep '\(parameter)' (expected start or one of: \(Self.sweepable.joined(separator: ", ")))")
        }
        let listed = try r.doubles("values")
        let logRange = try r.doubles("log_range")
        let values: [Double]
        switch (listed, logRange) {
        case (let v?, nil):
            guard !v.isEmpty else { throw r.error("values", "needs at least one value") }
            values = v
        case (nil, let g?):
            guard g.count == 3, g[0] > 0, g[1] > g[0], g[2] >= 2, g[2] == g[2].rounded() else {
                throw r.error("log_range", "expected [from, to, count] with 0 < from < to and a whole count ≥ 2")
            }
            let n = Int(g[2])
            values = (0..<n).map { g[0] * pow(g[1] / g[0], Double($0) / Double(n - 1)) }
        case (nil, nil): throw r.error("values", "a sweep needs 'values' or 'log_range'")
        case (.some, .some): throw r.error("log_range", "give 'values' or 'log_range', not both")
        }
        guard values.count <= 200 else {
            throw r.error(listed == nil ? "log_range" : "values", "at most 200 values per sweep, got \(values.count)")
        }
        let labelPattern = try r.string("label") ?? "\(Self.symbol(parameter)) = {value}"
        try r.finish()
        var generated: [LessonRun] = []
        for (i, value) in values.enumerated() {
            var spec = base.spec
            switch parameter {
            case "lr": spec.optimizer.learningRate = value
            case "momentum": spec.optimizer.momentum = value
            case "rho": spec.optimizer.rho = value
            case "beta1": spec.optimizer.beta1 = value
            case "beta2": spec.optimizer.beta2 = value
            default: spec.optimizer.epsilon = value
            }
            do {
                try spec.validate()
            } catch let error as RunSpecError {
                throw r.error("values[\(i)]", error.message)
            }
            let label = labelPattern.replacingOccurrences(of: "{value}", with: Self.shortNumber(value))
            generated.append(LessonRun(id: "\(id)-\(i + 1)", label: label, problemID: base.problemID, spec: spec,
                                       sweep: (id, value)))
        }
        return (Sweep(id: id, parameter: parameter, values: values, runIDs: generated.map(\.id)), generated)
    }

    /// The usual symbol of a hyperparameter, for labels.
    static func symbol(_ parameter: String) -> String {
        switch parameter {
        case "lr": return "η"
        case "momentum": return "μ"
        case "rho": return "ρ"
        case "beta1": return "β₁"
        case "beta2": return "β₂"
        case "epsilon": return "ε"
        default: return parameter
        }
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
