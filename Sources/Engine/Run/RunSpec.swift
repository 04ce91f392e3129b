/// Everything a run needs besides its objective: where it starts, how it
/// steps, what constrains it and when it stops. Plain data; the CLI and the
/// lesson files both build one.
public struct RunSpec: Sendable, Equatable {
    /// Starting parameters, in the objective's parameter order.
    public var start: [Double]
    /// The optimizer, its convention and hyperparameters.
    public var optimizer: OptimizerSpec
    /// How the learning rate changes with the step count.
    public var schedule: Schedule
    /// Applied after every step, in this order: box clip, simplex projection, fixed entries.
    public var constraints: Constraints
    /// When the run ends.
    public var stop: StopRules
    /// Which rows each step sees (ignored by objectives without data).
    public var batching: Batching

    /// Creates a run specification; `validate(parameterCount:)` (or `run`) checks it.
    public init(
        start: [Double], optimizer: OptimizerSpec, schedule: Schedule = .constant,
        constraints: Constraints = Constraints(), stop: StopRules, batching: Batching = Batching()
    ) {
        self.start = start
        self.optimizer = optimizer
        self.schedule = schedule
        self.constraints = constraints
        self.stop = stop
        self.batching = batching
    }
}

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

/// The learning rate as a function of t, the number of updates already made
/// (0 for the first update).
public enum Schedule: Sendable, Hashable {
    /// η_t = η
    case constant
    /// η_t = η · factor^⌊t / every⌋
    case step(every: Int, factor: Double)
    /// η_t = η · rate^(t / steps)   (Keras `ExponentialDecay`, not staircase)
    case exponential(rate: Double, steps: Int)
    /// η_t = η / (1 + decay · t)     (Keras 2's `decay` argument)
    case inverseTime(decay: Double)
}

/// Constraints applied after every update.
public struct Constraints: Sendable, Equatable {
    /// Clip parameter `index` into [lower, upper].
    public struct Box: Sendable, Equatable {
        /// The parameter's index in the flat vector.
        public var index: Int
        /// The lowest allowed value.
        public var lower: Double
        /// The highest allowed value (≥ `lower`).
        public var upper: Double
        /// Creates a box for one parameter.
        public init(index: Int, lower: Double, upper: Double) { self.index = index; self.lower = lower; self.upper = upper }
    }
    /// Per-parameter intervals each step is clipped into.
    public var boxes: [Box]
    /// Groups of parameter indices, each projected onto the probability simplex (x ≥ 0, Σx = 1).
    public var simplexGroups: [[Int]]
    /// Parameter indices held at their starting values.
    public var fixed: [Int]

    /// Creates constraints (none by default).
    public init(boxes: [Box] = [], simplexGroups: [[Int]] = [], fixed: [Int] = []) {
        self.boxes = boxes
        self.simplexGroups = simplexGroups
        self.fixed = fixed
    }
}

/// When a run ends. Exactly one of `maxSteps` and `maxEpochs` is set.
public struct StopRules: Sendable, Equatable {
    /// The step budget (≥ 1).
    public var maxSteps: Int?
    /// The epoch budget (≥ 1): passes over the data; without data an epoch is one step.
    public var maxEpochs: Int?
    /// Converged when ‖∇f(θ_k)‖₂ < this.
    public var gradientTolerance: Double?
    /// Converged when |f(θ_k) − f(θ_{k−1})| < this.
    public var lossChangeTolerance: Double?
    /// Diverged when f(θ_k) > divergenceFactor · max(|f(θ₀)|, |best loss so far|, 1);
    /// a non-finite loss, parameter or gradient always diverges. Must be > 1; `.infinity`
    /// keeps only the non-finite check.
    public var divergenceFactor: Double

    /// Creates stop rules; set exactly one budget.
    public init(maxSteps: Int? = nil, maxEpochs: Int? = nil, gradientTolerance: Double? = nil,
                lossChangeTolerance: Double? = nil, divergenceFactor: Double = 1e6) {
        self.maxSteps = maxSteps
        self.maxEpochs = maxEpochs
        self.gradientTolerance = gradientTolerance
        self.lossChangeTolerance = lossChangeTolerance
        self.divergenceFactor = divergenceFactor
    }
}

/// Which data rows each step sees.
public struct Batching: Sendable, Equatable {
    /// nil: the whole data set each step; K: K rows per step (the last batch of an epoch may be shorter).
    public var batchSize: Int?
    /// nil: file order; a seed: rows shuffled at the start of every epoch by a seeded generator.
    /// Full batches are never shuffled (it would only reorder a sum), and then no seed is recorded in the trace.
    public var shuffleSeed: UInt64?

    /// Creates a batching choice (full batch, file order by default).
    public init(batchSize: Int? = nil, shuffleSeed: UInt64? = nil) {
        self.batchSize = batchSize
        self.shuffleSeed = shuffleSeed
    }
}
