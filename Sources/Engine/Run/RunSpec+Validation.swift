extension RunSpec {
    /// Checks everything that can be checked before running; throws a `RunSpecError` naming the first bad setting.
    ///
    /// - Parameters:
    /// - Parameter parameterCount: the objective's number of parameters; nil checks the rest
    ///   against `start.count` (for lesson files validated before their objective is built).
    /// - Returns: the optimizer's resolved settings.
    @discardableResult
    public func validate(parameterCount: Int? = nil) throws -> OptimizerSettings {
        let parameterCount = parameterCount ?? start.count
        if start.count != parameterCount {
            throw RunSpecError.invalid(
                setting: .start, message: "has \(start.count) values but the objective has \(parameterCount) parameters")
        }
        if let bad = start.firstIndex(where: { !$0.isFinite }) {
            throw RunSpecError.invalid(setting: .start, message: "value \(bad) must be finite, got \(start[bad])")
        }
        let settings = try optimizer.validated()
        try schedule.validate()
        try stop.validate()
        try constraints.validate(parameterCount: parameterCount)
        if let size = batching.batchSize, size < 1 {
            throw RunSpecError.invalid(setting: .batch, message: "must be at least 1, got \(size)")
        }
        return settings
    }
}

extension StopRules {
    /// Throws a `RunSpecError` unless exactly one positive budget is set and the tolerances make sense.
    public func validate() throws {
        switch (maxSteps, maxEpochs) {
        case (nil, nil):
            throw RunSpecError.invalid(setting: .steps, message: "or epochs must be set")
        case (.some, .some):
            throw RunSpecError.invalid(setting: .steps, message: "and epochs cannot both be set")
        case (let steps?, nil) where steps < 1:
            throw RunSpecError.invalid(setting: .steps, message: "must be at least 1, got \(steps)")
        case (nil, let epochs?) where epochs < 1:
            throw RunSpecError.invalid(setting: .epochs, message: "must be at least 1, got \(epochs)")
        default:
            break
        }
        if let tolerance = gradientTolerance { try RunSpecError.require(tolerance, .gradientTolerance, above: 0) }
        if let tolerance = lossChangeTolerance { try RunSpecError.require(tolerance, .lossChangeTolerance, above: 0) }
        guard divergenceFactor > 1 else {
            throw RunSpecError.outOfRange(setting: .divergenceFactor, expected: "a number > 1", got: divergenceFactor)
        }
    }
}

extension Constraints {
    /// Throws a `RunSpecError` for an index out of range, a box with lower > upper, or a parameter in two simplex groups.
    public func validate(parameterCount n: Int) throws {
        func check(_ index: Int, _ setting: RunSetting) throws {
            guard (0..<n).contains(index) else {
                throw RunSpecError.invalid(setting: setting, message: "index \(index) is out of range 0..<\(n)")
            }
        }
        for box in boxes {
            try check(box.index, .box)
            guard !box.lower.isNaN, !box.upper.isNaN, box.lower <= box.upper else {
                throw RunSpecError.invalid(
                    setting: .box, message: "for parameter \(box.index) needs lower ≤ upper, got [\(box.lower), \(box.upper)]")
            }
        }
        var seen = Set<Int>()
        for group in simplexGroups {
            if group.isEmpty { throw RunSpecError.invalid(setting: .simplex, message: "group is empty") }
            for index in group {
                try check(index, .simplex)
                guard seen.insert(index).inserted else {
                    throw RunSpecError.invalid(setting: .simplex, message: "index \(index) appears twice")
                }
            }
        }
        for index in fixed { try check(index, .fixed) }
    }
}
