/// The update rules steptrace knows.
public enum OptimizerKind: String, Sendable, CaseIterable {
    case sgd, adagrad, rmsprop, adam
}

/// Whose formulas and defaults an optimizer follows.
public enum Convention: String, Sendable, CaseIterable {
    /// Keras 3 (`keras.optimizers.*`).
    case keras
    /// PyTorch (`torch.optim.*`).
    case pytorch
}

/// An optimizer choice. A `nil` hyperparameter takes the chosen library's default
/// (see `OptimizerSpec.resolved()`, which returns the filled-in `OptimizerSettings`).
/// Setting a hyperparameter the kind does not have (say `rho` on `sgd`) is a validation error.
public struct OptimizerSpec: Sendable, Equatable {
    /// The update rule.
    public var kind: OptimizerKind
    /// Whose formulas and defaults (Keras unless said otherwise).
    public var convention: Convention
    /// η, the base learning rate.
    public var learningRate: Double?
    /// μ, in [0, 1) (SGD only; 0 means plain SGD).
    public var momentum: Double?
    /// Nesterov momentum (SGD only; needs momentum > 0).
    public var nesterov: Bool
    /// PyTorch SGD's dampening, in [0, 1] (PyTorch convention only).
    public var dampening: Double?
    /// ρ, RMSprop's mean-square decay, in [0, 1) (PyTorch's `alpha`).
    public var rho: Double?
    /// β1, Adam's first-moment decay, in [0, 1).
    public var beta1: Double?
    /// β2, Adam's second-moment decay, in [0, 1).
    public var beta2: Double?
    /// ε of AdaGrad, RMSprop and Adam (≥ 0).
    public var epsilon: Double?
    /// AdaGrad's starting accumulator (≥ 0).
    public var initialAccumulator: Double?

    /// Creates an optimizer choice; `nil` hyperparameters take the convention's defaults.
    public init(
        kind: OptimizerKind, convention: Convention = .keras, learningRate: Double? = nil,
        momentum: Double? = nil, nesterov: Bool = false, dampening: Double? = nil, rho: Double? = nil,
        beta1: Double? = nil, beta2: Double? = nil, epsilon: Double? = nil, initialAccumulator: Double? = nil
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
}
