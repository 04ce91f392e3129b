import Foundation

/// A one-dimensional mapping from data values to the unit interval: linear or logarithmic.
///
/// ```
/// linear: t = (v − lower) / (upper − lower)
/// log:    t = (log10 v − log10 lower) / (log10 upper − log10 lower)
/// ```
/// `lower` may exceed `upper` for a reversed axis (matrix rows counted downwards).
public struct Scale: Equatable, Sendable {
    /// Linear or base-10 logarithmic spacing.
    public enum Kind: Equatable, Sendable { case linear, log }
    /// How values are spaced.
    public var kind: Kind
    /// The value mapped to 0.
    public var lower: Double
    /// The value mapped to 1.
    public var upper: Double

    /// A scale of `kind` from `lower` (t = 0) to `upper` (t = 1).
    public init(_ kind: Kind, lower: Double, upper: Double) {
        self.kind = kind; self.lower = lower; self.upper = upper
    }

    /// The smaller end of the domain.
    public var minimum: Double { Swift.min(lower, upper) }
    /// The larger end of the domain.
    public var maximum: Double { Swift.max(lower, upper) }

    /// The position of `v` in the domain, 0 at `lower` and 1 at `upper`; NaN when `v` cannot be placed
    /// (non-finite, or not positive on a log scale).
    public func normalized(_ v: Double) -> Double {
        switch kind {
        case .linear:
            guard v.isFinite else { return .nan }
            return (v - lower) / (upper - lower)
        case .log:
            guard v.isFinite, v > 0 else { return .nan }
            return (Foundation.log10(v) - Foundation.log10(lower)) / (Foundation.log10(upper) - Foundation.log10(lower))
        }
    }

    /// The data value at position `t` (the inverse of `normalized`).
    public func value(at t: Double) -> Double {
        switch kind {
        case .linear: return lower + t * (upper - lower)
        case .log:
            let a = Foundation.log10(lower), b = Foundation.log10(upper)
            return Foundation.pow(10, a + t * (b - a))
        }
    }

    /// Whether `v` lies inside the domain (ends included).
    public func contains(_ v: Double) -> Bool { v >= minimum && v <= maximum }

    /// Tick values and labels that suit a scale drawn `length` points long.
    ///
    /// Linear scales aim at one tick per `spacing` points on 1-2-2.5-5 steps; log scales put ticks on
    /// decades, adding 2 and 5 between them when the domain spans fewer than three decades.
    public func ticks(length: Double, spacing: Double = 55) -> [Tick] {
        let target = Swift.max(2, Int((length / spacing).rounded()) + 1)
        switch kind {
        case .linear:
            return Ticks.linear(from: minimum, to: maximum, target: target)
        case .log:
            return Ticks.log(from: minimum, to: maximum, target: target)
        }
    }
}

/// One tick: a value and its label as Pango markup.
public struct Tick: Equatable, Sendable {
    /// The data value.
    public var value: Double
    /// The label as markup, e.g. `"−0.5"` or `"10<sup>−3</sup>"`.
    public var label: String
    /// A minor tick is drawn shorter and without a label.
    public var isMinor: Bool
    /// A tick at `value` with `label`.
    public init(value: Double, label: String, isMinor: Bool = false) {
        self.value = value; self.label = label; self.isMinor = isMinor
    }
}
