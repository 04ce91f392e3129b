import Engine
import Foundation
import Lessons
import Plot
import Trace

extension ConvergenceMap {
    /// The map as a figure: one colored cell per run (log colors), diverged cells hatched, and, when the
    /// problem is quadratic and the optimizer is gradient descent or heavy-ball momentum at a constant
    /// rate, the stability limit η = 2(1 + μ)/λmax from the Hessian (and, on an η × μ map, the fastest
    /// rate of convergence) drawn over it.
    /// With `floor`, values below it take the darkest color, so the colors spend their range on the losses
    /// that matter rather than on how far below 10⁻¹⁵ the converged cells went.
    public func figure(showing quantity: Quantity = .finalLoss, floor: Double? = nil) -> Figure {
        let across = AxisPlacement(x), up = AxisPlacement(y)
        let nx = x.values.count, ny = y.values.count
        let diverged = outcomes.map(\.verdict.isDivergence)
        var values = outcomes.map { outcome -> Double in
            if outcome.verdict.isDivergence { return .nan }
            switch quantity {
            case .finalLoss: return outcome.finalLoss
            case .steps:
                if case .converged = outcome.verdict { return Double(outcome.steps) }
                return .nan
            }
        }
        // Log colors when no value is negative; a value of exactly 0 then takes the lowest color, not the missing one.
        let finite = values.filter(\.isFinite)
        let logColors = finite.allSatisfy { $0 >= 0 } && finite.contains { $0 > 0 }
        if logColors, let lowest = finite.filter({ $0 > 0 }).min() { values = values.map { $0 == 0 ? lowest : $0 } }
        if let floor { values = values.map { $0 < floor ? floor : $0 } }
        let grid = SurfaceGrid(width: nx, height: ny, x: across.range, y: up.range, values: values)
        let colorScale = ColorScale.fitting(values, spacing: logColors ? .log : .linear)
        var marks: [any Mark] = [Heatmap(grid, colorScale: colorScale, smooth: false)]
        marks.append(HatchedCells(width: nx, height: ny, x: across.range, y: up.range, marked: diverged,
                                  label: "diverged (hatched)"))
        marks += theoryMarks(across, up)
        let panel = Panel(x: Axis(across.label, range: across.extent, ticks: across.ticks),
                          y: Axis(up.label, range: up.extent, ticks: up.ticks), marks: marks,
                          // Small rates crawl: their corner is the dullest part of a map over the learning rate.
                          legend: x.setting == .learningRate ? .bottomLeft : .topRight,
                          colorbar: Colorbar(colorScale, label: colorLabel(quantity, log: colorScale.scale.kind == .log, floor: floor)))
        return Figure(panel)
    }

    /// `final loss after 100 steps (log scale)`, `steps to converge (gray: not within 1000)`.
    private func colorLabel(_ quantity: Quantity, log: Bool, floor: Double?) -> String {
        let scale = log ? " (log scale)" : ""
        let below = floor.map { "; ≤ \(NumberFormat.short($0)) darkest" } ?? ""
        switch quantity {
        case .finalLoss:
            return "final loss" + (sharedSteps.map { " after \($0) steps" } ?? "") + scale + below
        case .steps:
            return "steps to converge" + scale + (sharedSteps.map { "; gray: not within \($0)" } ?? "; gray: not within the budget")
        }
    }

    /// The stability limit 2(1 + μ)/λmax, and the fastest (η, μ) on an η × μ map; nothing unless the
    /// problem is quadratic, the optimizer is SGD without Nesterov, the rate is constant and one axis is
    /// the learning rate.
    private func theoryMarks(_ across: AxisPlacement, _ up: AxisPlacement) -> [any Mark] {
        guard let curvature, curvature.largest > 0, base.optimizer.kind == .sgd, !base.optimizer.nesterov,
              base.schedule.isConstant else { return [] }
        let settings: Set<RunSetting> = [x.setting, y.setting]
        let changesTheLimit: Set<RunSetting> = [.optimizer, .nesterov, .schedule, .dampening]
        guard settings.contains(.learningRate), settings.isDisjoint(with: changesTheLimit) else { return [] }
        let lambda = curvature.largest
        let line = SeriesStyle(color: Color(hex: 0x111111), lineWidth: 1.6, dash: [6, 3], marker: .none, halo: true)
        let rateAcross = x.setting == .learningRate
        let rates = rateAcross ? across : up, other = rateAcross ? up : across
        var points: [DataPoint] = []
        let label: String
        if other.axis.setting == .momentum, let momenta = other.axis.numbers {
            // η = 2(1 + μ)/λmax along the momentum axis, sampled finely.
            let lo = momenta.min()!, hi = momenta.max()!
            for k in 0...200 {
                let mu = lo + (hi - lo) * Double(k) / 200
                guard let r = rates.coordinate(2 * (1 + mu) / lambda), let m = other.coordinate(mu) else { continue }
                points.append(rateAcross ? DataPoint(r, m) : DataPoint(m, r))
            }
            label = "η = 2(1 + μ)/λ<sub>max</sub>, λ<sub>max</sub> = \(NumberFormat.short(lambda))"
        } else {
            let mu = base.optimizer.resolved().momentum
            guard let r = rates.coordinate(2 * (1 + mu) / lambda) else { return [] }
            let span = other.extent
            points = [span.lowerBound, span.upperBound].map { rateAcross ? DataPoint(r, $0) : DataPoint($0, r) }
            label = mu == 0 ? "η = 2/λ<sub>max</sub> = \(NumberFormat.short(2 / lambda))"
                : "η = 2(1 + μ)/λ<sub>max</sub> = \(NumberFormat.short(2 * (1 + mu) / lambda))"
        }
        guard points.count >= 2 else { return [] }
        var marks: [any Mark] = [LineSeries(xs: points.map(\.x), ys: points.map(\.y), label: label + " (theory)", style: line)]
        if other.axis.setting == .momentum, curvature.smallest > 0 {
            // Heavy ball's fastest rate on a quadratic: η* = 4/(√λmax + √λmin)², μ* = ((√κ − 1)/(√κ + 1))².
            let a = lambda.squareRoot(), b = curvature.smallest.squareRoot()
            let eta = 4 / ((a + b) * (a + b)), mu = ((a - b) / (a + b)) * ((a - b) / (a + b))
            if let r = rates.coordinate(eta), let m = other.coordinate(mu) {
                let star = SeriesStyle(color: Color(hex: 0xFFFFFF), lineWidth: 1, marker: .star, markerSize: 11, halo: true)
                marks.append(Scatter([rateAcross ? DataPoint(r, m) : DataPoint(m, r)],
                                     label: "fastest in theory: η = \(NumberFormat.short(eta)), μ = \(NumberFormat.short(mu))", style: star))
            }
        }
        return marks
    }
}

/// Where a grid axis's values sit in a map: log₁₀ of the values on a log axis, the values on a linear one,
/// and positions 0, 1, 2, … (labelled with the values) for listed values.
struct AxisPlacement {
    let axis: GridAxis
    /// The first and last cell centres.
    let range: ClosedRange<Double>
    /// Ticks at the values' places, for log and listed axes (nil: the scale's own).
    let ticks: [Tick]?
    /// The axis title.
    let label: String
    private let kind: GridAxis.Spacing

    init(_ axis: GridAxis) {
        self.axis = axis
        let numbers = axis.numbers
        let n = axis.values.count
        kind = numbers == nil ? .listed : axis.spacing
        let name = TextStyle.escape(axis.setting.axisLabel)
        switch kind {
        case .log:
            let lo = numbers!.first!, hi = numbers!.last!
            range = Foundation.log10(lo)...Foundation.log10(hi)
            ticks = Ticks.log(from: lo, to: hi, target: 6).map { Tick(value: Foundation.log10($0.value), label: $0.label, isMinor: $0.isMinor) }
            label = "\(name) (log scale)"
        case .linear:
            range = numbers!.first!...numbers!.last!
            ticks = nil
            label = name
        case .listed:
            range = 0...Double(n - 1)
            let every = max(1, Int((Double(n) / 10).rounded(.up)))
            ticks = stride(from: 0, to: n, by: every).map { Tick(value: Double($0), label: TextStyle.escape(ResultsSummary.valueText(axis.values[$0]))) }
            label = name
        }
    }

    /// The axis's extent: half a cell beyond the first and last centres.
    var extent: ClosedRange<Double> {
        let half = (range.upperBound - range.lowerBound) / Double(max(1, axis.values.count - 1)) / 2
        return (range.lowerBound - half)...(range.upperBound + half)
    }

    /// Where the number `v` sits on this axis (between listed values by interpolation), or nil when the
    /// axis cannot place it (outside the extent, not positive on a log axis, words).
    func coordinate(_ v: Double) -> Double? {
        let c: Double
        switch kind {
        case .log:
            guard v > 0 else { return nil }
            c = Foundation.log10(v)
        case .linear:
            c = v
        case .listed:
            guard let numbers = axis.numbers, numbers.count >= 2, zip(numbers, numbers.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
            guard let k = numbers.indices.dropLast().first(where: { v <= numbers[$0 + 1] }), v >= numbers[0] else { return nil }
            c = Double(k) + (v - numbers[k]) / (numbers[k + 1] - numbers[k])
        }
        return extent.contains(c) ? c : nil
    }
}
