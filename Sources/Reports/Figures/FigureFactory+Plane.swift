import Engine
import Lessons
import Plot
import Trace

extension FigureFactory {
    /// Light fills for predicted classes and darker marks for the data, per class (Okabe–Ito hues).
    static let classFills: [UInt32] = [0xF9D9A6, 0xB9D8EE, 0xB8E2D2, 0xF2C9DD, 0xF4EFA0, 0xD9D9D9]
    static let classMarks: [(color: UInt32, marker: MarkerShape)] = [
        (0xE69F00, .circle), (0x0072B2, .triangle), (0x009E73, .square), (0xCC79A7, .diamond),
        (0xB8A800, .triangleDown), (0x555555, .plus),
    ]

    /// A grid over the plane of two data columns (their range, padded): one data row per point,
    /// the other columns 0, and the grid's size.
    static func planeGrid(_ problem: Problem, x: String, y: String, size n: Int = 160)
        throws -> (table: DataTable, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>) {
        let data = problem.data!
        let xRange = padded(data.column(named: x)!), yRange = padded(data.column(named: y)!)
        var gx: [Double] = [], gy: [Double] = []
        for j in 0..<n {
            for i in 0..<n {
                gx.append(xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * Double(i) / Double(n - 1))
                gy.append(yRange.lowerBound + (yRange.upperBound - yRange.lowerBound) * Double(j) / Double(n - 1))
            }
        }
        let columns = [x: gx, y: gy]
        let table = try DataTable(columns: data.columnNames.map { ($0, columns[$0] ?? Array(repeating: 0, count: n * n)) })
        return (table, xRange, yRange)
    }

    /// The data points of each class (class column values rounded), with a legend label each.
    static func classScatters(_ problem: Problem, x: String, y: String, classColumn: String) -> [any Mark] {
        let data = problem.data!
        let xs = data.column(named: x)!, ys = data.column(named: y)!, classes = data.column(named: classColumn)!
        let labels = Set(classes.map { Int($0.rounded()) }).sorted()
        return labels.enumerated().map { k, label in
            let points = xs.indices.filter { Int(classes[$0].rounded()) == label }.map { DataPoint(xs[$0], ys[$0]) }
            let look = classMarks[min(max(label, 0), classMarks.count - 1)]
            return Scatter(points, label: "\(TextStyle.escape(classColumn)) = \(label)",
                           style: SeriesStyle(color: Color(hex: look.color), marker: look.marker, markerSize: 6.5))
        }
    }

    /// The class the model predicts (the largest probability; a single probability p means classes 0 and 1
    /// split at p = 0.5) over the plane of `x` and `y`, a panel per step, with the data.
    func regions(_ axes: FigureSpec.DataColumns, classColumn: String, steps: [Int], _ r: RunResult,
                 _ problem: Problem) throws -> (Figure, Double) {
        let x = axes.x, y = axes.y
        let plane = try FigureFactory.planeGrid(problem, x: x, y: y)
        let model = try ArrayExpression(expression: problem.model!, parameters: problem.declarations,
                                        constants: problem.constants, data: plane.table)
        let classCount = max(2, model.shape.count == 1 ? 2 : model.shape.count)
        let fills = Colormap(name: "classes", table: (0..<classCount).map { FigureFactory.classFills[min($0, FigureFactory.classFills.count - 1)] })
        let scale = ColorScale(scale: Scale(.linear, lower: 0, upper: Double(classCount - 1)), colormap: fills)
        let n = Int(Double(plane.table.rowCount).squareRoot())
        let rows = FigureFactory.rows(steps, r.trace)
        var panels: [Panel] = []
        for row in rows {
            let theta = r.trace.parameters(row: row)
            let predicted = (0..<plane.table.rowCount).map { point -> Double in
                let p = model.value(at: theta, row: point).elements
                if p.count == 1 { return p[0] >= 0.5 ? 1 : 0 }
                return Double(p.indices.max { p[$0] < p[$1] }!)
            }
            let grid = SurfaceGrid(width: n, height: n, x: plane.xRange, y: plane.yRange, values: predicted)
            var marks: [any Mark] = [Heatmap(grid, colorScale: scale, smooth: false)]
            marks += FigureFactory.classScatters(problem, x: x, y: y, classColumn: classColumn)
            panels.append(Panel(title: rows.count > 1 ? FigureFactory.stepLabel(r.trace, row, r.run) : nil,
                                x: Axis(TextStyle.escape(x), range: plane.xRange), y: Axis(TextStyle.escape(y), range: plane.yRange),
                                marks: marks, legend: panels.isEmpty ? .automatic : .hidden))
        }
        let columns = min(rows.count, rows.count == 4 ? 2 : 3)
        let panelRows = (rows.count + columns - 1) / columns
        let aspect = min(1.35, max(0.45, Double(panelRows) / Double(columns) + 0.08))
        return (Figure(columns: columns, panels: panels, sharesX: true, sharesY: true), aspect)
    }

    /// Expressions of the parameters and two data columns over their plane, a row of panels per step
    /// (one per expression), with the data; `scale` texts share color scales as in `images`.
    func field(_ axes: FigureSpec.DataColumns, classColumn: String?, fields: [FigureSpec.ImageSpec], steps: [Int],
               _ r: RunResult, _ problem: Problem) throws -> (Figure, Double) {
        let x = axes.x, y = axes.y
        let plane = try FigureFactory.planeGrid(problem, x: x, y: y)
        let expressions = try fields.map {
            try ArrayExpression(expression: $0.expression, parameters: problem.declarations, constants: problem.constants, data: plane.table)
        }
        let n = Int(Double(plane.table.rowCount).squareRoot())
        let rows = FigureFactory.rows(steps, r.trace)
        var panels: [Panel] = []
        for row in rows {
            let theta = r.trace.parameters(row: row)
            let values = expressions.map { e in (0..<plane.table.rowCount).map { e.value(at: theta, row: $0).elements[0] } }
            let scales = FigureFactory.sharedScales(fields, values: values)
            for (k, image) in fields.enumerated() {
                let (scale, colorbar) = scales[k]
                let grid = SurfaceGrid(width: n, height: n, x: plane.xRange, y: plane.yRange, values: values[k])
                var marks: [any Mark] = [Heatmap(grid, colorScale: scale, smooth: true)]
                if let c = classColumn { marks += FigureFactory.classScatters(problem, x: x, y: y, classColumn: c) }
                let title = k == 0 ? "\(FigureFactory.stepLabel(r.trace, row, r.run)): \(Notes.inline(image.title))" : Notes.inline(image.title)
                panels.append(Panel(title: title, x: Axis(TextStyle.escape(x), range: plane.xRange), y: Axis(TextStyle.escape(y), range: plane.yRange),
                                    marks: marks, legend: .hidden, colorbar: colorbar))
            }
        }
        let columns = max(1, min(fields.count, 3))
        let panelRows = rows.count * ((fields.count + columns - 1) / columns)
        let aspect = min(1.35, max(0.4, Double(panelRows) * (1 / Double(columns) + 0.16) + 0.04))
        return (Figure(columns: columns, panels: panels), aspect)
    }
}
