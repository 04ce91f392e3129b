/// A matrix or small image drawn as sharp colored cells: row 0 at the top, column 0 at the left.
///
/// Cell (r, c) covers x ∈ [c − ½, c + ½] and y ∈ [r − ½, r + ½]; pair it with a reversed y axis
/// (`MatrixCells.panel` does) so row 0 is on top. Missing values get the scale's neutral color.
public struct MatrixCells: Mark {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Row-major values, row 0 first.
    public let values: [Double]
    /// How values become colors.
    public var colorScale: ColorScale

    /// A `rows × columns` matrix colored by `colorScale`.
    public init(rows: Int, columns: Int, values: [Double], colorScale: ColorScale) {
        precondition(rows > 0 && columns > 0 && values.count == rows * columns, "a matrix needs rows*columns values")
        self.rows = rows; self.columns = columns; self.values = values; self.colorScale = colorScale
    }

    /// A matrix with a scale fitted to its values: diverging (symmetric about 0) when `signed`, else viridis.
    public init(rows: Int, columns: Int, values: [Double], signed: Bool) {
        self.init(rows: rows, columns: columns, values: values,
                  colorScale: .fitting(values, colormap: signed ? .blueWhiteRed : .viridis, spacing: .linear))
    }

    /// The cells' extent, shown without padding.
    public var dataBounds: DataBounds? {
        DataBounds(x: -0.5...(Double(columns) - 0.5), y: -0.5...(Double(rows) - 0.5), isTight: true)
    }

    /// Draws the cells as one sharp image.
    public func draw(in context: MarkContext) {
        let placed = context.transform.deviceRect(x: -0.5, Double(columns) - 0.5, y: -0.5, Double(rows) - 0.5)
        guard placed.rect.width > 0, placed.rect.height > 0 else { return }
        let cells = colorScale.pixels(values)
        var rgba = [UInt8](repeating: 255, count: rows * columns * 4)
        for imageRow in 0..<rows {
            // Row 0 has the smallest y; it is on top when y grows downwards on the page.
            let r = placed.yUp ? rows - 1 - imageRow : imageRow
            for imageColumn in 0..<columns {
                let c = placed.xRight ? imageColumn : columns - 1 - imageColumn
                let s = 4 * (r * columns + c), d = 4 * (imageRow * columns + imageColumn)
                rgba[d] = cells[s]; rgba[d + 1] = cells[s + 1]; rgba[d + 2] = cells[s + 2]
            }
        }
        context.canvas.draw(RasterImage(width: columns, height: rows, rgba: rgba), in: placed.rect, smooth: false)
    }

    /// A panel showing the matrix with row 0 on top and a colorbar labelled `valueLabel`.
    public func panel(title: String? = nil, columnLabel: String = "column j", rowLabel: String = "row i",
                      valueLabel: String) -> Panel {
        Panel(title: title, x: Axis(columnLabel), y: Axis(rowLabel, reversed: true), marks: [self], legend: .hidden,
              colorbar: Colorbar(colorScale, label: valueLabel))
    }
}
