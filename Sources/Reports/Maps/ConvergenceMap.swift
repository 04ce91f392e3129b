import Engine
import Foundation
import Lessons
import Parallelism
import Trace

/// One run over a grid of two settings and how every cell ended (its summary, not its trace), with the
/// problem's curvature when the problem is quadratic, so the theory can be drawn over it.
public struct ConvergenceMap: Sendable {
    /// The setting across (x) and its values.
    public var x: GridAxis
    /// The setting up (y) and its values.
    public var y: GridAxis
    /// The run every cell starts from.
    public var base: RunSpec
    /// Every cell's end, row by row from the bottom: cell `j · x.values.count + i` ran at x value i, y value j.
    public var outcomes: [CellOutcome]
    /// The smallest and largest eigenvalue of the Hessian when the problem is quadratic, else nil.
    public var curvature: (smallest: Double, largest: Double)?

    /// What the map's colors show: the final loss (log colors) or the steps a stop rule needed.
    public typealias Quantity = FigureSpec.MapQuantity

    /// A map from finished outcomes.
    public init(base: RunSpec, x: GridAxis, y: GridAxis, outcomes: [CellOutcome], curvature: (smallest: Double, largest: Double)?) {
        precondition(outcomes.count == x.values.count * y.values.count, "one outcome per cell")
        self.base = base; self.x = x; self.y = y; self.outcomes = outcomes; self.curvature = curvature
    }

    /// Runs every cell of the grid on `objective` on every core; the curvature comes from the Hessian at the
    /// base run's start. Every cell is checked before any runs: throws the `RunSpecError` of the first cell
    /// that cannot run (a setting its optimizer lacks, a value out of range, too many cells) or the
    /// `StartError` of a start where the loss is not finite.
    public static func run(base: RunSpec, x: GridAxis, y: GridAxis, objective: ProblemObjective) throws -> ConvergenceMap {
        let cells = try RunGrid.cells(base: base, x: x, y: y)
        let names = objective.parameterNames, rowCount = objective.rowCount
        // On every core, in runs of cells; the first bad cell's error (the runs' errors come in order).
        _ = try Parallel.chunks(cells.count) { range in
            for k in range { try cells[k].validate(parameterNames: names, rowCount: rowCount) }
        }
        // Each start once where the cells share it (a grid's cells usually all start from the base's).
        var checked: [Double]? = nil
        for cell in cells where cell.start != checked {
            try objective.checkStart(cell.start)
            checked = cell.start
        }
        let outcomes: [CellOutcome]
        switch objective {
        case .expression(let o): outcomes = try RunGrid.run(cells, expression: o)
        case .builtin(let o): outcomes = try RunGrid.run(cells) { o }
        }
        let curvature = Hessian.quadraticCurvature(at: base.start) { objective.evaluate(at: $0).gradient }
        return ConvergenceMap(base: base, x: x, y: y, outcomes: outcomes, curvature: curvature)
    }

    /// `run(base:x:y:objective:)` for an expression given on the command line.
    public static func run(base: RunSpec, x: GridAxis, y: GridAxis, expression: ExpressionObjective) throws -> ConvergenceMap {
        try run(base: base, x: x, y: y, objective: .expression(expression))
    }

    /// The step budget every cell shares, or nil when an axis varies the budget (or it counts epochs).
    var sharedSteps: Int? {
        [x, y].contains { $0.setting == .steps || $0.setting == .epochs } ? nil : base.stop.maxSteps
    }

    /// One CSV row per cell, bottom row first (x fastest): the two settings (x, then y), the final loss,
    /// the verdict and the steps taken. Numbers round-trip, so `steptrace trace` with a row's settings ends
    /// at its final loss exactly.
    public var csv: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 * outcomes.count + 64)
        func field(_ text: String, last: Bool = false) {
            let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            if needsQuotes {
                bytes.append(UInt8(ascii: "\""))
                for byte in text.utf8 {
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    bytes.append(byte)
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes += text.utf8
            }
            bytes.append(last ? 10 : UInt8(ascii: ","))
        }
        field(x.setting.key); field(y.setting.key); field("final_loss"); field("verdict"); field("steps", last: true)
        let xs = x.values.map(\.description), ys = y.values.map(\.description)
        for (k, outcome) in outcomes.enumerated() {
            field(xs[k % xs.count]); field(ys[k / xs.count])
            field("\(outcome.finalLoss)"); field(outcome.verdict.description); field("\(outcome.steps)", last: true)
        }
        return bytes
    }
}
