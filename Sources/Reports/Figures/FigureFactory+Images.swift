import Engine
import Lessons
import Plot
import Trace

extension FigureFactory {
    /// Array expressions drawn as images: a row of panels for every run and step (`steps`, else the
    /// last), one panel per expression, the step named in the row's first title. Panels of a row whose images name the same `scale` share one
    /// color scale and one colorbar (on the last of them); an image without `scale` has its own.
    func images(_ images: [FigureSpec.ImageSpec], steps: [Int], _ runs: [RunResult], _ problem: Problem) throws -> (Figure, Double) {
        let expressions = try images.map { try problem.arrayExpression($0.expression) }
        var panels: [Panel] = []
        var panelRows = 0
        for r in runs {
            for row in FigureFactory.rows(steps, r.trace) {
                panelRows += 1
                let theta = r.trace.parameters(row: row)
                let values = expressions.map { $0.value(at: theta) }
                let when = (runs.count > 1 ? "\(Notes.escape(r.run.label)), " : "") + FigureFactory.stepLabel(r.trace, row, r.run)
                // One scale per shared `scale` text (or per image), fitted to this row's values.
                var scales: [String: ColorScale] = [:]
                for (k, image) in images.enumerated() {
                    let key = image.scale ?? "#\(k)"
                    guard scales[key] == nil else { continue }
                    let members = images.indices.filter { (images[$0].scale ?? "#\($0)") == key }
                    let all = members.flatMap { values[$0].elements }
                    scales[key] = FigureFactory.matrixScale(all, colormap: nil)
                }
                for (k, image) in images.enumerated() {
                    let key = image.scale ?? "#\(k)"
                    let isLastOfScale = !images.indices.contains { $0 > k && (images[$0].scale ?? "#\($0)") == key }
                    let scale = scales[key]!
                    let shape = values[k].shape
                    let height = shape.rank == 2 ? shape.dimensions[0] : 1, width = shape.dimensions.last ?? 1
                    let cells = MatrixCells(rows: height, columns: width, values: values[k].elements, colorScale: scale)
                    // The row's step heads its first panel; the others keep short titles.
                    let title = k == 0 ? "\(when): \(Notes.inline(image.title))" : Notes.inline(image.title)
                    panels.append(Panel(title: title, x: Axis("column"), y: Axis("row", reversed: true), marks: [cells],
                                        legend: .hidden,
                                        colorbar: isLastOfScale ? Colorbar(scale, label: Notes.inline(image.scale ?? image.title)) : nil))
                }
            }
        }
        let columns = max(1, min(images.count, 4))
        let rowsOfPanels = Double(panelRows * ((images.count + columns - 1) / columns))
        let first = try problem.arrayExpression(images[0].expression).shape
        let imageRatio = first.rank == 2 ? Double(first.dimensions[0]) / Double(first.dimensions[1]) : 0.1
        let aspect = min(1.35, max(0.25, rowsOfPanels * (imageRatio / Double(columns) + 0.11) + 0.04))
        return (Figure(columns: columns, panels: panels), aspect)
    }
}
