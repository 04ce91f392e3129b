import Trace

/// One setting of a run, the same from the lesson file to the trace: the optimizer and its
/// hyperparameters, the schedule, the budget, batching, stop rules, the start and the constraints.
///
/// Every name a person sees is derived here and nowhere else:
///
/// | setting | `key` (lesson file, `--set`, `--grid`, CSV column) | `flag` | `label` | `symbol` | `metadataKey` |
/// |---|---|---|---|---|---|
/// | `learningRate` | `lr` | `--lr` | learning rate | η | `learning_rate` |
/// | `momentum` | `momentum` | `--momentum` | momentum | μ | `momentum` |
/// | `beta1` | `beta1` | `--beta1` | beta1 | β₁ | `beta_1` |
/// | `initialAccumulator` | `initial_accumulator` | `--initial-accumulator` | initial accumulator | | `initial_accumulator` |
/// | `lossChangeTolerance` | `loss_tolerance` | `--tolerance-loss` | loss-change tolerance | | `loss_change_tolerance` |
///
/// (and so on for every case). Sweeps, grids and `compare --set` vary any setting whose
/// `isVariable` is true through `RunSpec.set(_:to:)`.
public enum RunSetting: String, CaseIterable, Sendable, Hashable {
    case optimizer, convention
    case learningRate, momentum, nesterov, dampening, rho, beta1, beta2, epsilon, initialAccumulator
    case schedule
    case steps, epochs, batch, shuffle
    case gradientTolerance, lossChangeTolerance, divergenceFactor
    case start, box, simplex, fixed

    /// The lesson-file key, which is also the name `--set` and `--grid` take and the column of a map's CSV
    /// (for the learning rate, `lr`, the trace's column too).
    public var key: String {
        switch self {
        case .learningRate: return TraceLayout.learningRateColumn
        case .initialAccumulator: return "initial_accumulator"
        case .gradientTolerance: return "gradient_tolerance"
        case .lossChangeTolerance: return "loss_tolerance"
        case .divergenceFactor: return "divergence_factor"
        default: return rawValue
        }
    }

    /// The command-line flag of `steptrace trace` (and of `map` and `lr-range`) that sets it.
    public var flag: String {
        switch self {
        case .gradientTolerance: return "--tolerance-grad"
        case .lossChangeTolerance: return "--tolerance-loss"
        default: return "--" + key.replacingUnderscores
        }
    }

    /// The words for it in a sentence: `learning rate`, `batch size`, `loss-change tolerance`.
    public var label: String {
        switch self {
        case .learningRate: return "learning rate"
        case .initialAccumulator: return "initial accumulator"
        case .batch: return "batch size"
        case .shuffle: return "shuffle seed"
        case .gradientTolerance: return "gradient tolerance"
        case .lossChangeTolerance: return "loss-change tolerance"
        case .divergenceFactor: return "divergence factor"
        default: return rawValue
        }
    }

    /// The usual mathematical symbol (`η`, `μ`, `β₁`), or the label when it has none.
    public var symbol: String {
        switch self {
        case .learningRate: return "η"
        case .momentum: return "μ"
        case .rho: return "ρ"
        case .beta1: return "β₁"
        case .beta2: return "β₂"
        case .epsilon: return "ε"
        default: return label
        }
    }

    /// An axis title: words followed by the symbol (`learning rate η`, `first-moment decay β₁`, not
    /// `beta1 β₁`), or the label alone.
    public var axisLabel: String {
        switch self {
        case .rho: return "mean-square decay ρ"
        case .beta1: return "first-moment decay β₁"
        case .beta2: return "second-moment decay β₂"
        case .epsilon: return "stability constant ε"
        default: return symbol == label ? label : "\(label) \(symbol)"
        }
    }

    /// The key of the trace's metadata entry that records it (`learning_rate`, `beta_1`, `max_steps`).
    public var metadataKey: String {
        switch self {
        case .learningRate: return "learning_rate"
        case .beta1: return "beta_1"
        case .beta2: return "beta_2"
        case .steps: return "max_steps"
        case .epochs: return "max_epochs"
        case .batch: return "batch_size"
        case .shuffle: return "shuffle_seed"
        case .lossChangeTolerance: return "loss_change_tolerance"
        default: return key
        }
    }

    /// The setting whose lesson-file key (or `--set` name) is `key`.
    public init?(key: String) {
        guard let found = RunSetting.allCases.first(where: { $0.key == key }) else { return nil }
        self = found
    }

    /// What values the setting takes.
    public enum Values: Equatable, Sendable {
        /// A real number (`lr`, `momentum`, tolerances, …).
        case number
        /// A whole number (`steps`, `epochs`, the shuffle seed).
        case count
        /// `true` or `false` (`nesterov`).
        case flag
        /// One of these words (`optimizer`, `convention`).
        case choice([String])
        /// `full` or a whole number of rows.
        case batch
        /// A schedule in its one-line form (`step:15:0.1`).
        case schedule
        /// One number per parameter (`start`).
        case point
        /// Not one value: constraints name parameters.
        case compound
    }

    /// What values the setting takes.
    public var values: Values {
        switch self {
        case .optimizer: return .choice(OptimizerKind.allCases.map(\.rawValue))
        case .convention: return .choice(Convention.allCases.map(\.rawValue))
        case .nesterov: return .flag
        case .steps, .epochs, .shuffle: return .count
        case .batch: return .batch
        case .schedule: return .schedule
        case .start: return .point
        case .box, .simplex, .fixed: return .compound
        default: return .number
        }
    }

    /// Whether sweeps, grids and `compare --set` may vary it (constraints may not).
    public var isVariable: Bool { values != .compound }

    /// The keys of the settings that may vary, in declaration order, for messages.
    public static var variableKeys: [String] { allCases.filter(\.isVariable).map(\.key) }
}

extension String {
    /// `initial_accumulator` → `initial-accumulator`.
    var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}
