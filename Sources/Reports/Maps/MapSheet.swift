import Dispatch
import Engine
import Foundation
import Lessons
import Parallelism
import Plot
import Trace

/// `steptrace map`: a convergence map on one page (PNG and PDF) with a caption that says how to read it,
/// and the CSV of every cell.
public struct MapSheet {
    /// The map.
    public var map: ConvergenceMap
    /// What the colors show.
    public var quantity: ConvergenceMap.Quantity
    /// The problem in words (markup), e.g. `f = (1 − x)² + … from x = −1.5, y = 2`.
    public var problem: String

    /// A sheet for `map` of `problem`, colored by `quantity`.
    public init(map: ConvergenceMap, quantity: ConvergenceMap.Quantity, problem: String) {
        self.map = map; self.quantity = quantity; self.problem = problem
    }

    /// `Convergence map: momentum × learning rate`.
    public var title: String { "Convergence map: \(map.y.setting.label) × \(map.x.setting.label)" }

    /// The problem, the base run's optimizer, the budget, and what became of the cells.
    public var subtitle: String {
        let settings = UpdateRule.lines(for: map.base.optimizer, schedule: map.base.schedule).settings
        let budget = map.sharedSteps.map { "\($0) steps per cell" } ?? "steps as the grid gives them"
        let diverged = map.outcomes.filter(\.verdict.isDivergence).count
        let converged = map.outcomes.filter { if case .converged = $0.verdict { return true } else { return false } }.count
        var cells = "\(map.x.values.count) × \(map.y.values.count) cells: \(diverged) diverged"
        if converged > 0 { cells += ", \(converged) converged" }
        return "\(problem) · \(settings) (the grid sets \(TextStyle.escape(map.x.setting.symbol)) and \(TextStyle.escape(map.y.setting.symbol))) · \(budget) · \(cells)"
    }

    /// How to read the map.
    public var caption: String {
        var text = "Each cell is one run with the base run's settings and the cell's \(TextStyle.escape(map.x.setting.label)) and \(TextStyle.escape(map.y.setting.label)); "
        text += quantity == .finalLoss ? "its color is the loss on its last row. "
            : "its color is the number of steps its stop rule needed (gray: it never fired). "
        text += "Hatched cells diverged. "
        if let curvature = map.curvature {
            text += "The problem is quadratic: its Hessian has eigenvalues from \(NumberFormat.short(curvature.smallest)) to λ<sub>max</sub> = \(NumberFormat.short(curvature.largest)). "
            text += "Where drawn, the dashed line is the theory's stability limit: gradient descent with heavy-ball momentum diverges once η ≥ 2(1 + μ)/λ<sub>max</sub>. "
        }
        text += "<tt>map.csv</tt> lists every cell; <tt>steptrace trace</tt> with a cell's settings ends at the same loss, bit for bit."
        return text
    }

    /// The sheet on an A4-wide page, text broken as `canvas` measures it.
    public func page(canvas: Canvas) -> Page {
        var sheet = Sheet(pageWidth: Size.a4.width, title: title, subtitle: subtitle, canvas: canvas)
        sheet.add(map.figure(showing: quantity), height: sheet.width * 0.78)
        sheet.addCaption(caption, canvas: canvas)
        return sheet.page()
    }

    /// Writes `folder/map.png` (1600 pixels wide), `map.pdf` and `map.csv`; returns the three paths.
    ///
    /// The CSV is formatted and written on a worker thread while this one lays out the page and the
    /// backend draws it. Each file lands whole or not at all; when several fail, the CSV's error is thrown.
    public func write(into folder: String, backend: any RenderBackend, creationDate: Int) throws -> [String] {
        try FileOutput.makeFolder(folder)
        let paths = ["map.png", "map.pdf", "map.csv"].map { (folder as NSString).appendingPathComponent($0) }
        let map = self.map, csvPath = paths[2]
        let csvError = Locked<Error?>(nil)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            do { try FileOutput.write(map.csv, to: csvPath) } catch { csvError.withLock { $0 = error } }
        }
        var pageError: Error?
        do {
            let page = self.page(canvas: backend.measuringCanvas())
            try backend.writePage(page, png: paths[0], pixelWidth: 1600, pdf: paths[1], title: title, creationDate: creationDate)
        } catch { pageError = error }
        group.wait()
        if let error = csvError.withLock({ $0 }) ?? pageError { throw error }
        return paths
    }
}
