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
/// (see `OptimizerSpec.resolved()`).
public struct OptimizerSpec: Sendable, Equatable {
    public var kind: OptimizerKind
    public var convention: Convention
    public var learningRate: Double?
    public var momentum: Double?
    public var nesterov: Bool
    public var dampening: Double?
    public var rho: Double?
    public var beta1: Double?
    public var beta2: Double?
    public var epsilon: Double?
    public var initialAccumulator: Double?

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
public enum Schedule: Sendable, Equatable {
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
        public var index: Int, lower: Double, upper: Double
        public init(index: Int, lower: Double, upper: Double) { self.index = index; self.lower = lower; self.upper = upper }
    }
    public var boxes: [Box]
    /// Groups of parameter indices, each projected onto the probability simplex (x ≥ 0, Σx = 1).
    public var simplexGroups: [[Int]]
    /// Parameter indices held at their starting values.
    public var fixed: [Int]

    public init(boxes: [Box] = [], simplexGroups: [[Int]] = [], fixed: [Int] = []) {
        self.boxes = boxes
        self.simplexGroups = simplexGroups
        self.fixed = fixed
    }
}

/// When a run ends. Exactly one of `maxSteps` and `maxEpochs` is set.
public struct StopRules: Sendable, Equatable {
    public var maxSteps: Int?
    public var maxEpochs: Int?
    /// Converged when ‖∇f(θ_k)‖₂ < this.
    public var gradientTolerance: Double?
    /// Converged when |f(θ_k) − f(θ_{k−1})| < this.
    public var lossChangeTolerance: Double?
    /// Diverged when f(θ_k) > divergenceFactor · max(|f(θ₀)|, |best loss so far|, 1);
    /// a non-finite loss, parameter or gradient always diverges.
    public var divergenceFactor: Double

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
    public var shuffleSeed: UInt64?

    public init(batchSize: Int? = nil, shuffleSeed: UInt64? = nil) {
        self.batchSize = batchSize
        self.shuffleSeed = shuffleSeed
    }
}
