import Trace

/// A run specification that cannot run; the description is one line naming the setting.
public enum RunSpecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A number outside its allowed range: `momentum must be in [0, 1), got 1.5`.
    case outOfRange(setting: RunSetting, expected: String, got: Double)
    /// A setting the chosen optimizer does not have: `rho does not apply to sgd`.
    case notApplicable(setting: RunSetting, optimizer: String)
    /// Anything else, as a sentence about the setting: `start has 3 values but the objective has 2 parameters`.
    case invalid(setting: RunSetting, message: String)

    /// The setting at fault.
    public var setting: RunSetting {
        switch self {
        case .outOfRange(let setting, _, _), .notApplicable(let setting, _), .invalid(let setting, _): return setting
        }
    }

    /// One line for the user (the same as `description`).
    public var message: String { description }

    /// One line for the user.
    public var description: String {
        switch self {
        case .outOfRange(let setting, let expected, let got):
            return "\(setting.label) must be \(expected), got \(got)"
        case .notApplicable(let setting, let optimizer): return "\(setting.label) does not apply to \(optimizer)"
        case .invalid(let setting, let message): return "\(setting.label) \(message)"
        }
    }

    /// Throws unless `value` is finite and ≥ `lower`.
    static func require(_ value: Double, _ setting: RunSetting, atLeast lower: Double) throws {
        guard value.isFinite, value >= lower else {
            throw RunSpecError.outOfRange(setting: setting, expected: "a finite number ≥ \(NumberText.general(lower, digits: 6))", got: value)
        }
    }

    /// Throws unless `value` is finite and > `lower`.
    static func require(_ value: Double, _ setting: RunSetting, above lower: Double) throws {
        guard value.isFinite, value > lower else {
            throw RunSpecError.outOfRange(setting: setting, expected: "a finite number > \(NumberText.general(lower, digits: 6))", got: value)
        }
    }

    /// Throws unless `value` is in [0, 1) (or [0, 1] when `inUnitInterval` is true).
    static func require(_ value: Double, _ setting: RunSetting, inUnitInterval closed: Bool) throws {
        let ok = value >= 0 && (closed ? value <= 1 : value < 1)
        guard ok else {
            throw RunSpecError.outOfRange(setting: setting, expected: closed ? "in [0, 1]" : "in [0, 1)", got: value)
        }
    }
}
