import Trace

/// A run specification that cannot run; the description is one line naming the setting.
public enum RunSpecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A number outside its allowed range: `momentum must be in [0, 1), got 1.5`.
    case outOfRange(setting: String, expected: String, got: Double)
    /// A setting the chosen optimizer does not have: `rho does not apply to sgd`.
    case notApplicable(setting: String, optimizer: String)
    /// Anything else, as a sentence about the setting: `start has 3 values but the objective has 2 parameters`.
    case invalid(setting: String, message: String)

    /// The setting at fault.
    public var setting: String {
        switch self {
        case .outOfRange(let setting, _, _), .notApplicable(let setting, _), .invalid(let setting, _): return setting
        }
    }

    /// One line for the user (the same as `description`).
    public var message: String { description }

    /// The words a person uses for a setting (`learningRate` → `learning rate`).
    public static func displayName(_ setting: String) -> String {
        switch setting {
        case "learningRate": return "learning rate"
        case "initialAccumulator": return "initial accumulator"
        case "maxSteps": return "steps"
        case "maxEpochs": return "epochs"
        case "gradientTolerance": return "gradient tolerance"
        case "lossChangeTolerance": return "loss-change tolerance"
        case "divergenceFactor": return "divergence factor"
        case "batchSize": return "batch size"
        default: return setting
        }
    }

    /// One line for the user.
    public var description: String {
        switch self {
        case .outOfRange(let setting, let expected, let got):
            return "\(Self.displayName(setting)) must be \(expected), got \(got)"
        case .notApplicable(let setting, let optimizer): return "\(Self.displayName(setting)) does not apply to \(optimizer)"
        case .invalid(let setting, let message): return "\(Self.displayName(setting)) \(message)"
        }
    }

    /// Throws unless `value` is finite and ≥ `lower`.
    static func require(_ value: Double, _ setting: String, atLeast lower: Double) throws {
        guard value.isFinite, value >= lower else {
            throw RunSpecError.outOfRange(setting: setting, expected: "a finite number ≥ \(NumberText.general(lower, digits: 6))", got: value)
        }
    }

    /// Throws unless `value` is finite and > `lower`.
    static func require(_ value: Double, _ setting: String, above lower: Double) throws {
        guard value.isFinite, value > lower else {
            throw RunSpecError.outOfRange(setting: setting, expected: "a finite number > \(NumberText.general(lower, digits: 6))", got: value)
        }
    }

    /// Throws unless `value` is in [0, 1) (or [0, 1] when `inUnitInterval` is true).
    static func require(_ value: Double, _ setting: String, inUnitInterval closed: Bool) throws {
        let ok = value >= 0 && (closed ? value <= 1 : value < 1)
        guard ok else {
            throw RunSpecError.outOfRange(setting: setting, expected: closed ? "in [0, 1]" : "in [0, 1)", got: value)
        }
    }
}
