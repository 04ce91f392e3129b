import Foundation

/// One axis of a panel: its label, scale kind, range and grid.
public struct Axis: Equatable, Sendable {
    /// How the axis spaces values.
    public enum Spacing: Equatable, Sendable {
        case linear
        case log
        /// Log when the data are positive and span at least three decades, else linear.
        case automatic
        /// Linear, with ticks at whole numbers only: the rows and columns of a matrix.
        case indices
    }
    /// The label as markup, with the unit or meaning, e.g. `"step k"` or `"loss f(θ<sub>k</sub>)"`.
    public var label: String
    /// Linear, log or chosen from the data.
    public var spacing: Spacing
    /// A fixed range; nil to fit the data.
    public var range: ClosedRange<Double>?
    /// Larger values to the left (x) or downwards (y), as for matrix rows.
    public var reversed: Bool
    /// Light grid lines at the major ticks.
    public var grid: Bool
    /// Ticks to draw instead of the scale's own (named categories at 0, 1, 2, …, or a log axis drawn
    /// over log₁₀ of its values); nil for the scale's nice ticks.
    public var ticks: [Tick]?

    /// An axis labelled `label`.
    public init(_ label: String, spacing: Spacing = .linear, range: ClosedRange<Double>? = nil, reversed: Bool = false,
                grid: Bool = false, ticks: [Tick]? = nil) {
        self.label = label; self.spacing = spacing; self.range = range; self.reversed = reversed; self.grid = grid
        self.ticks = ticks
    }

    /// The ticks to draw on `scale` over `length` points, about one per `spacing` points: the given
    /// `ticks`, else whole numbers for `.indices`, else the scale's own nice ticks.
    func ticks(on scale: Scale, length: Double, spacing gap: Double) -> [Tick] {
        if let ticks { return ticks }
        guard spacing == .indices else { return scale.ticks(length: length, spacing: gap) }
        return Ticks.whole(from: scale.minimum, to: scale.maximum, target: Swift.max(2, Int((length / gap).rounded()) + 1))
    }

    /// The scale this axis shows for data spanning `bounds` (nil when there are none).
    func resolve(bounds: ClosedRange<Double>?, tight: Bool) -> Scale {
        var kind: Scale.Kind = spacing == .log ? .log : .linear
        if spacing == .automatic, let b = bounds, b.lowerBound > 0, b.upperBound / b.lowerBound >= 1000 { kind = .log }
        var lo: Double, hi: Double
        if let r = range {
            lo = r.lowerBound; hi = r.upperBound
        } else if let b = bounds {
            lo = b.lowerBound; hi = b.upperBound
            if kind == .log && lo <= 0 { lo = hi > 0 ? hi * 1e-6 : 1e-6 }
            if hi == lo {
                if kind == .log { lo /= 2; hi *= 2 } else { let d = Swift.max(1, abs(lo) * 0.1); lo -= d; hi += d }
            } else if !tight {
                if kind == .log {
                    let f = Foundation.pow(hi / lo, 0.04)
                    lo /= f; hi *= f
                } else {
                    let d = (hi - lo) * 0.04
                    lo -= d; hi += d
                }
            }
        } else {
            lo = kind == .log ? 1 : 0; hi = kind == .log ? 10 : 1
        }
        if kind == .log && lo <= 0 { lo = hi > 0 ? hi * 1e-6 : 1e-6; if hi <= lo { hi = lo * 10 } }
        return reversed ? Scale(kind, lower: hi, upper: lo) : Scale(kind, lower: lo, upper: hi)
    }
}


/// One cell of a figure: axes, marks, a title, a legend and optionally its own colorbar.
public struct Panel: Sendable {
    /// The title above the plot, as markup; nil for none.
    public var title: String?
    /// The horizontal axis.
    public var x: Axis
    /// The vertical axis.
    public var y: Axis
    /// Marks in drawing order (first is lowest).
    public var marks: [any Mark]
    /// Where the legend goes (only drawn when a mark has entries).
    public var legend: LegendPlacement
    /// A colorbar beside this panel alone; a figure-wide one goes in `Figure.colorbar`.
    public var colorbar: Colorbar?

    /// A panel with the given axes and marks.
    public init(title: String? = nil, x: Axis, y: Axis, marks: [any Mark] = [], legend: LegendPlacement = .automatic,
                colorbar: Colorbar? = nil) {
        self.title = title; self.x = x; self.y = y; self.marks = marks; self.legend = legend; self.colorbar = colorbar
    }

    /// The extent the marks want shown, and whether it is tight.
    ///
    /// When a mark has tight bounds (a surface or a matrix), only tight bounds count: the surface defines
    /// the view, and a path that runs away is clipped with a note instead of shrinking the surface to a dot.
    var bounds: (x: ClosedRange<Double>?, y: ClosedRange<Double>?, tightX: Bool, tightY: Bool) {
        let all = marks.compactMap(\.dataBounds)
        let tight = all.filter(\.isTight)
        let used = tight.isEmpty ? all : tight
        var bx: ClosedRange<Double>? = nil, by: ClosedRange<Double>? = nil
        for b in used { bx = DataBounds.union(bx, b.x); by = DataBounds.union(by, b.y) }
        return (bx, by, !tight.isEmpty && bx != nil, !tight.isEmpty && by != nil)
    }
}
