/// An optimizer's hyperparameters with every default filled in: what a run actually uses.
///
/// Built by `OptimizerSpec.resolved()`; settings that do not apply to the
/// kind hold the neutral value (0, or false) and are left out of `metadata`.
public struct OptimizerSettings: Sendable, Equatable {
    /// The update rule.
    public var kind: OptimizerKind
    /// Whose formulas and defaults.
    public var convention: Convention
    /// η, the base learning rate (before any schedule).
    public var learningRate: Double
    /// μ (SGD only).
    public var momentum: Double
    /// Nesterov momentum (SGD only).
    public var nesterov: Bool
    /// PyTorch SGD's dampening (0 under Keras).
    public var dampening: Double
    /// ρ, the mean-square decay of RMSprop (PyTorch calls it `alpha`).
    public var rho: Double
    /// β1 (Adam).
    public var beta1: Double
    /// β2 (Adam).
    public var beta2: Double
    /// ε of AdaGrad, RMSprop and Adam.
    public var epsilon: Double
    /// The accumulator's starting value (AdaGrad).
    public var initialAccumulator: Double

    /// Creates settings from explicit values.
    public init(
        kind: OptimizerKind, convention: Convention, learningRate: Double, momentum: Double = 0,
        nesterov: Bool = false, dampening: Double = 0, rho: Double = 0, beta1: Double = 0,
        beta2: Double = 0, epsilon: Double = 0, initialAccumulator: Double = 0
    ) {
        self.kind = kind
        self.convention = convention
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
        self.dampening = dampening
        self.rho = rho
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.initialAccumulator = initialAccumulator
    }

    /// The state buffers this optimizer keeps, under its convention's names (what its trace columns are called).
    public var stateNames: [String] {
        switch kind {
        case .sgd: return momentum == 0 ? [] : [convention == .keras ? "velocity" : "buffer"]
        case .adagrad: return ["accumulator"]
        case .rmsprop: return ["mean_square"]
        case .adam: return ["m", "v"]
        }
    }

    /// The settings that matter for this kind and convention, in a fixed order, as text for reports.
    public var metadata: [(key: String, value: String)] {
        func entry(_ setting: RunSetting, _ value: Any) -> (key: String, value: String) { (setting.metadataKey, "\(value)") }
        var entries = [entry(.optimizer, kind.rawValue), entry(.convention, convention.rawValue), entry(.learningRate, learningRate)]
        switch kind {
        case .sgd:
            entries.append(entry(.momentum, momentum))
            entries.append(entry(.nesterov, nesterov))
            if convention == .pytorch { entries.append(entry(.dampening, dampening)) }
        case .adagrad:
            entries.append(entry(.initialAccumulator, initialAccumulator))
            entries.append(entry(.epsilon, epsilon))
        case .rmsprop:
            entries.append(entry(.rho, rho))
            entries.append(entry(.epsilon, epsilon))
        case .adam:
            entries.append(entry(.beta1, beta1))
            entries.append(entry(.beta2, beta2))
            entries.append(entry(.epsilon, epsilon))
        }
        return entries
    }
}
