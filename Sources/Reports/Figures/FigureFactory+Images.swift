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
                let when = (runs.count > 1 ? "\(TextStyle.escape(r.run.label)), " : "") + FigureFactory.stepLabel(r.trace, row, r.run)
                // One scale per shared `scale` text (or per image), fitted to this row's values.
                let scales = FigureFactory.sharedScales(images, values: values.map(\.elements))
                for (k, image) in images.enumerated() {
                    let (scale, colorbar) = scales[k]
                    let shape = values[k].shape
                    let height = shape.rank == 2 ? shape.dimensions[0] : 1, width = shape.dimensions.last ?? 1
                    let cells = MatrixCells(rows: height, columns: width, values: values[k].elements, colorScale: scale)
                    // The row's step heads its first panel; the others keep short titles.
                    let title = k == 0 ? "\(when): \(Notes.inline(image.title))" : Notes.inline(image.title)
                    panels.append(Panel(title: title, x: Axis("column", spacing: .indices), y: Axis("row", spacing: .indices, reversed: true),
                                        marks: [cells], legend: .hidden, colorbar: colorbar))
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

    /// The color scale of each of `images` (of an `images` or a `field` figure) given their `values`:
    /// images naming the same `scale` text share one scale, fitted to all their values, and the last of
    /// them carries its colorbar, labelled with that text; an image without `scale` has its own scale and
    /// colorbar, labelled with its title.
    static func sharedScales(_ images: [FigureSpec.ImageSpec], values: [[Double]]) -> [(scale: ColorScale, colorbar: Colorbar?)] {
        let keys = images.indices.map { images[$0].scale ?? "#\($0)" }
        var scales: [String: ColorScale] = [:]
        for key in keys where scales[key] == nil {
            scales[key] = matrixScale(keys.indices.filter { keys[$0] == key }.flatMap { values[$0] }, colormap: nil)
        }
        return images.indices.map { k in
            let scale = scales[keys[k]]!
            let isLast = !keys.indices.contains { $0 > k && keys[$0] == keys[k] }
            return (scale, isLast ? Colorbar(scale, label: Notes.inline(images[k].scale ?? images[k].title)) : nil)
        }
    }
}
