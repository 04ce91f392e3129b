extension OptimizerSpec {
    /// The settings a run uses: every `nil` replaced by the chosen library's default.
    ///
    /// | kind | Keras 3 | PyTorch |
    /// |---|---|---|
    /// | sgd | η 0.01, μ 0 | η 1e-3, μ 0, dampening 0 |
    /// | adagrad | η 0.001, accumulator 0.1, ε 1e-7 | η 0.01, accumulator 0, ε 1e-10 |
    /// | rmsprop | η 0.001, ρ 0.9, ε 1e-7 | η 0.01, ρ (alpha) 0.99, ε 1e-8 |
    /// | adam | η 0.001, β 0.9 / 0.999, ε 1e-7 | η 1e-3, β 0.9 / 0.999, ε 1e-8 |
    ///
    /// Does not validate; `validated()` does both.
    public func resolved() -> OptimizerSettings {
        let keras = convention == .keras
        var settings = OptimizerSettings(kind: kind, convention: convention, learningRate: 0, nesterov: nesterov)
        switch kind {
        case .sgd:
            settings.learningRate = learningRate ?? (keras ? 0.01 : 1e-3)
            settings.momentum = momentum ?? 0
            settings.dampening = dampening ?? 0
        case .adagrad:
            settings.learningRate = learningRate ?? (keras ? 0.001 : 0.01)
            settings.initialAccumulator = initialAccumulator ?? (keras ? 0.1 : 0)
            settings.epsilon = epsilon ?? (keras ? 1e-7 : 1e-10)
        case .rmsprop:
            settings.learningRate = learningRate ?? (keras ? 0.001 : 0.01)
            settings.rho = rho ?? (keras ? 0.9 : 0.99)
            settings.epsilon = epsilon ?? (keras ? 1e-7 : 1e-8)
        case .adam:
            settings.learningRate = learningRate ?? 0.001
            settings.beta1 = beta1 ?? 0.9
            settings.beta2 = beta2 ?? 0.999
            settings.epsilon = epsilon ?? (keras ? 1e-7 : 1e-8)
        }
        return settings
    }

    /// `resolved()`, after checking every setting; throws a `RunSpecError` naming the first bad one.
    public func validated() throws -> OptimizerSettings {
        let kindName = kind.rawValue
        func notFor(_ setting: RunSetting, _ value: Any?) throws {
            if value != nil { throw RunSpecError.notApplicable(setting: setting, optimizer: kindName) }
        }
        switch kind {
        case .sgd:
            try notFor(.rho, rho); try notFor(.beta1, beta1); try notFor(.beta2, beta2)
            try notFor(.epsilon, epsilon); try notFor(.initialAccumulator, initialAccumulator)
            if convention == .keras, dampening != nil {
                throw RunSpecError.invalid(setting: .dampening, message: "is a PyTorch SGD setting; Keras SGD has none")
            }
        case .adagrad:
            try notFor(.momentum, momentum); try notFor(.dampening, dampening); try notFor(.rho, rho)
            try notFor(.beta1, beta1); try notFor(.beta2, beta2)
        case .rmsprop:
            try notFor(.momentum, momentum); try notFor(.dampening, dampening); try notFor(.beta1, beta1)
            try notFor(.beta2, beta2); try notFor(.initialAccumulator, initialAccumulator)
        case .adam:
            try notFor(.momentum, momentum); try notFor(.dampening, dampening); try notFor(.rho, rho)
            try notFor(.initialAccumulator, initialAccumulator)
        }
        if nesterov && kind != .sgd {
            throw RunSpecError.notApplicable(setting: .nesterov, optimizer: kindName)
        }
        let settings = resolved()
        try RunSpecError.require(settings.learningRate, .learningRate, atLeast: 0)
        switch kind {
        case .sgd:
            try RunSpecError.require(settings.momentum, .momentum, inUnitInterval: false)
            try RunSpecError.require(settings.dampening, .dampening, inUnitInterval: true)
            if settings.nesterov && settings.momentum == 0 {
                throw RunSpecError.invalid(
                    setting: .nesterov, message: "needs momentum > 0 (PyTorch refuses Nesterov without momentum)")
            }
            if settings.nesterov && settings.dampening != 0 {
                throw RunSpecError.invalid(
                    setting: .nesterov, message: "needs dampening 0 (PyTorch refuses Nesterov with dampening)")
            }
        case .adagrad:
            try RunSpecError.require(settings.initialAccumulator, .initialAccumulator, atLeast: 0)
            try RunSpecError.require(settings.epsilon, .epsilon, atLeast: 0)
        case .rmsprop:
            try RunSpecError.require(settings.rho, .rho, inUnitInterval: false)
            try RunSpecError.require(settings.epsilon, .epsilon, atLeast: 0)
        case .adam:
            try RunSpecError.require(settings.beta1, .beta1, inUnitInterval: false)
            try RunSpecError.require(settings.beta2, .beta2, inUnitInterval: false)
            try RunSpecError.require(settings.epsilon, .epsilon, atLeast: 0)
        }
        return settings
    }
}
