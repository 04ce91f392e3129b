/// A figure: a grid of panels with an optional title, axes shared across panels, and an optional
/// colorbar shared by all panels.
///
/// Margins come from measured label sizes (through the canvas), so tick labels, axis labels and titles
/// are never clipped; all panels in a grid get plot areas of the same size.
public struct Figure: Drawable {
    /// The title above all panels, as markup; nil for none.
    public var title: String?
    /// Panels per row.
    public var columns: Int
    /// Panels in reading order (row by row).
    public var panels: [Panel]
    /// All panels show the same x range; only the bottom panel of each column labels x.
    public var sharesX: Bool
    /// All panels show the same y range; only the first column labels y.
    public var sharesY: Bool
    /// One colorbar for every panel, at the right of the grid.
    public var colorbar: Colorbar?
    /// Entries explaining what every panel shares (start, end, the minimum), set side by side below the grid.
    public var legend: [LegendEntry]
    /// Fonts, sizes and colors.
    public var theme: Theme

    /// A figure of `panels` laid out `columns` wide.
    public init(title: String? = nil, columns: Int = 1, panels: [Panel], sharesX: Bool = false, sharesY: Bool = false,
                colorbar: Colorbar? = nil, legend: [LegendEntry] = [], theme: Theme = .textbook) {
        precondition(columns >= 1, "a figure needs at least one column")
        self.title = title; self.columns = columns; self.panels = panels; self.sharesX = sharesX; self.sharesY = sharesY
        self.colorbar = colorbar; self.legend = legend; self.theme = theme
    }

    /// A figure with one panel.
    public init(_ panel: Panel, title: String? = nil, theme: Theme = .textbook) {
        self.init(title: title, columns: 1, panels: [panel], theme: theme)
    }

    /// Number of rows in the grid.
    public var rows: Int { (panels.count + columns - 1) / columns }

    /// Draws the figure into `frame`.
    public func draw(in canvas: Canvas, frame: Rect) {
        let layout = self.layout(in: canvas, frame: frame)
        if let title = title {
            let style = theme.text(theme.figureTitleFontSize, bold: true, alignment: .center, wrapWidth: frame.width)
            canvas.drawText(title, style: style, at: Point(frame.minX, frame.minY + 2), angle: 0)
        }
        for (k, panel) in panels.enumerated() { drawPanel(panel, layout: layout.panels[k], canvas: canvas) }
        if let bar = colorbar, let first = layout.panels.first {
            let top = layout.panels.map { $0.transform.plot.minY }.min() ?? first.transform.plot.minY
            let bottom = layout.panels.map { $0.transform.plot.maxY }.max() ?? first.transform.plot.maxY
            let right = layout.panels.map { $0.transform.plot.maxX + $0.rightExtra }.max() ?? first.transform.plot.maxX
            bar.draw(in: canvas, theme: theme, x: right, top: top, bottom: bottom)
        }
        if !legend.isEmpty {
            let height = LegendBox.flow(legend, width: frame.width, canvas: canvas, theme: theme).size.height
            LegendBox.drawFlow(legend, in: Rect(x: frame.minX, y: frame.maxY - height - 1, width: frame.width, height: height),
                               canvas: canvas, theme: theme)
        }
    }

    /// The data → device transform of every panel when drawn into `frame` (for tests and annotations).
    public func transforms(in canvas: Canvas, frame: Rect) -> [PanelTransform] {
        layout(in: canvas, frame: frame).panels.map(\.transform)
    }
}

/// Where everything of one panel goes.
struct PanelLayout {
    var transform: PanelTransform
    var xTicks: [Tick]
    var yTicks: [Tick]
    var showsXTickLabels: Bool
    var showsYTickLabels: Bool
    /// Distance from the plot's left edge to the cell's left edge (where the y label goes).
    var leftMargin: Double
    /// Space right of the plot taken by x tick overhang before a colorbar.
    var rightExtra: Double
    /// The panel title's style: shrunk, and wrapped only when it must be, to fit over the plot.
    var titleStyle: TextStyle
    /// The panel title as drawn (a long one broken at its " · " separators).
    var title: String?
    /// Where a legend set below the panel goes (nil when it is inside or hidden).
    var legendBelow: Rect?
}

/// The computed layout of a figure.
struct FigureLayout {
    var panels: [PanelLayout]
}
