/// A step table for print: a markup header row over integer, numeric and text columns.
///
/// Numeric columns align on the decimal point with a shared number of decimals
/// (see `ColumnNumberFormat`), so right edges line up too; integer columns
/// are right-aligned; text columns are left-aligned. Long runs are elided:
/// the first and last rows stay and a `⋮` row stands for the rest. Numbers
/// are set in a monospace font so every figure has the same width. When the
/// table does not fit the width it is given, its font shrinks, down to
/// `minimumFontSize`; it never draws outside its frame.
public struct Table: Drawable {
    /// What one column holds.
    public enum Content: Sendable {
        /// Whole numbers such as the step index, printed without decimals.
        case integers([Int])
        /// Real numbers, formatted by the table's `ColumnNumberFormat`.
        case numbers([Double])
        /// Pango markup, left-aligned in the header font.
        case text([String])

        /// Number of rows.
        public var count: Int {
            switch self {
            case .integers(let v): return v.count
            case .numbers(let v): return v.count
            case .text(let v): return v.count
            }
        }
    }

    /// One column: a markup header and its values.
    public struct Column: Sendable {
        /// Header as Pango markup, e.g. `θ<sub>1</sub>`.
        public var header: String
        /// The values, one per row.
        public var content: Content
        /// A column from a header and content.
        public init(header: String, content: Content) { self.header = header; self.content = content }

        /// An integer column, e.g. the step index.
        public static func integer(_ header: String, _ values: [Int]) -> Column {
            Column(header: header, content: .integers(values))
        }
        /// A numeric column with shared decimals.
        public static func number(_ header: String, _ values: [Double]) -> Column {
            Column(header: header, content: .numbers(values))
        }
        /// A left-aligned markup column.
        public static func text(_ header: String, _ values: [String]) -> Column {
            Column(header: header, content: .text(values))
        }
    }

    /// Which rows of a long table stay visible around the `⋮` row.
    public struct Elision: Equatable, Sendable {
        /// Rows kept from the start.
        public var head: Int
        /// Rows kept from the end.
        public var tail: Int
        /// Keeps `head` first and `tail` last rows.
        public init(head: Int, tail: Int) { self.head = max(0, head); self.tail = max(0, tail) }
        /// The first 8 and the last 3 rows.
        public static let standard = Elision(head: 8, tail: 3)
    }

    /// The columns, left to right; all hold the same number of rows.
    public var columns: [Column]
    /// How numeric columns are written.
    public var numberFormat: ColumnNumberFormat
    /// Indices (into the full, unelided rows) of rows drawn on a light gray band.
    public var highlightedRows: Set<Int>
    /// Which rows survive in a long table; nil shows every row.
    public var elision: Elision?
    /// Preferred font size in points.
    public var fontSize: Double
    /// The size the font may shrink to when the table is too wide.
    public var minimumFontSize: Double
    /// Font of the header row and text columns.
    public var textFamily: String
    /// Monospace font of numbers, so figures are tabular.
    public var numberFamily: String
    /// Band color of highlighted rows.
    public var highlightColor: Color
    /// Color of the rules above and below the header and below the last row.
    public var ruleColor: Color
    /// Cells drawn as an empty box to write in, without their value (a worksheet's blanks).
    public var blankCells: Set<CellPosition> = []
    /// Cells drawn in bold on a gray box: the values a worksheet left blank, in its answer key.
    public var answerCells: Set<CellPosition> = []

    /// A cell: its row among all rows (before elision) and its column.
    public struct CellPosition: Hashable, Sendable {
        /// The row, counted from 0 over every row of the table.
        public var row: Int
        /// The column, counted from 0.
        public var column: Int
        /// The cell at `row` and `column`.
        public init(row: Int, column: Int) { self.row = row; self.column = column }
    }

    /// A table over `columns`, which must all hold the same number of rows.
    public init(columns: [Column], numberFormat: ColumnNumberFormat = ColumnNumberFormat(),
                highlightedRows: Set<Int> = [], elision: Elision? = .standard,
                fontSize: Double = 9, minimumFontSize: Double = 6) {
        precondition(Set(columns.map(\.content.count)).count <= 1, "Table columns must have the same number of rows")
        self.columns = columns
        self.numberFormat = numberFormat
        self.highlightedRows = highlightedRows
        self.elision = elision
        self.fontSize = fontSize
        self.minimumFontSize = min(minimumFontSize, fontSize)
        self.textFamily = "DejaVu Sans"
        self.numberFamily = "DejaVu Sans Mono"
        self.highlightColor = Color(hex: 0xE4E4E4)
        self.ruleColor = Color(hex: 0x000000)
    }

    /// Number of data rows before elision.
    public var rowCount: Int { columns.first?.content.count ?? 0 }

    /// The rows actually shown: indices into the full rows, with nil where the `⋮` row goes.
    public var visibleRows: [Int?] {
        let n = rowCount
        guard let e = elision, e.head + e.tail + 1 < n else { return Array(0..<n).map { Optional($0) } }
        return Array(0..<e.head).map { Optional($0) } + [nil] + Array((n - e.tail)..<n).map { Optional($0) }
    }

    /// The shown rows (positions in `visibleRows`) a slice of a long table draws under its header;
    /// nil draws them all.
    public var rowWindow: Range<Int>?

    /// The table drawing only `rows` (positions in `visibleRows`) under the header row, with the columns
    /// as wide and the numbers as formatted as in the whole table, so slices on later pages line up.
    public func slice(_ rows: Range<Int>) -> Table {
        var copy = self
        copy.rowWindow = rows.clamped(to: 0..<visibleRows.count)
        return copy
    }

    /// The size the table takes when given at most `width` points: its natural width, or `width` after shrinking.
    public func size(for width: Double, canvas: Canvas) -> Size {
        layout(for: width, canvas: canvas).size
    }

    /// The font size the table uses when given at most `width` points.
    public func fontSize(for width: Double, canvas: Canvas) -> Double {
        layout(for: width, canvas: canvas).fontSize
    }

    /// Draws the table centered horizontally at the top of `frame`.
    public func draw(in canvas: Canvas, frame: Rect) {
        let l = layout(for: frame.width, canvas: canvas)
        l.draw(in: canvas, origin: Point(frame.minX + max(0, (frame.width - l.size.width) / 2), frame.minY))
    }
}
