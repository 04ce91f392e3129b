import TestSupport
import Testing
@testable import Plot

@Suite("Step tables")
struct TableTests {
    /// A momentum-like run: step, θ₁, velocity (starting at exactly zero), loss.
    static func stepTable(rows: Int, highlighted: Set<Int> = []) -> Table {
        var theta: [Double] = [], velocity: [Double] = [], loss: [Double] = []
        var t = 3.0, v = 0.0
        for _ in 0..<rows {
            theta.append(t); velocity.append(v); loss.append(t * t / 2)
            v = 0.9 * v - 0.1 * t
            t += v
        }
        return Table(columns: [.integer("step", Array(0..<rows)), .number("θ<sub>1</sub>", theta),
                               .number("v<sub>1</sub>", velocity), .number("loss", loss)],
                     highlightedRows: highlighted)
    }

    private func texts(_ table: Table, width: Double = 400) -> (canvas: RecordingCanvas, texts: [RecordedText]) {
        let canvas = RecordingCanvas()
        let size = table.size(for: width, canvas: canvas)
        table.draw(in: canvas, frame: Rect(x: 50, y: 100, width: width, height: size.height))
        return (canvas, RecordedText.all(in: canvas.dump))
    }

    @Test func rightEdgesAndDecimalPointsOfANumericColumnLineUp() {
        let table = Table(columns: [.integer("step", [0, 1, 2, 3]),
                                    .number("θ<sub>1</sub>", [3, -12.25, 0.5, 101.125])])
        let (canvas, texts) = texts(table)
        let style = TextStyle(family: table.numberFamily, size: table.fontSize)
        let cells = texts.filter { $0.markup.contains(".") }
        #expect(cells.count == 4)
        let rights = cells.map { $0.x + canvas.measureText($0.markup, style: style).width }
        let points = cells.map { cell -> Double in
            let lead = cell.markup.prefix { $0 != "." }
            return cell.x + canvas.measureText(String(lead), style: style).width
        }
        for r in rights { #expect(abs(r - rights[0]) < 0.02) }
        for p in points { #expect(abs(p - points[0]) < 0.02) }
        // The integer column is right-aligned too.
        let steps = texts.filter { ["0", "1", "2", "3"].contains($0.markup) }
        let stepRights = steps.map { $0.x + canvas.measureText($0.markup, style: style).width }
        #expect(steps.count == 4)
        for r in stepRights { #expect(abs(r - stepRights[0]) < 0.02) }
    }

    @Test func velocityBufferStartsAtExactZero() {
        let texts = texts(Self.stepTable(rows: 5)).texts
        let firstRowY = texts.first { $0.markup == "3.00000" }?.y
        #expect(firstRowY != nil)
        #expect(texts.contains { $0.y == firstRowY && $0.markup == "0" && $0.x > 100 })
    }

    @Test(arguments: [5, 12])
    func shortTablesShowEveryRowAndNoEllipsis(rows: Int) {
        let table = Self.stepTable(rows: rows)
        #expect(table.visibleRows == Array(0..<rows).map { Optional($0) })
        #expect(!texts(table).canvas.dump.contains("⋮"))
    }

    @Test func longTablesKeepTheFirstEightAndLastThreeRows() {
        let table = Self.stepTable(rows: 40)
        #expect(table.visibleRows == Array(0..<8).map { Optional($0) } + [nil] + [37, 38, 39].map { Optional($0) })
        let texts = texts(table).texts
        #expect(texts.filter { $0.markup == "⋮" }.count == table.columns.count)
        let steps = Set(texts.map(\.markup).filter { Int($0) != nil })
        for s in [0, 1, 7, 37, 38, 39] { #expect(steps.contains(String(s))) }
        for s in [8, 20, 36] { #expect(!steps.contains(String(s))) }
    }

    @Test func elisionCanBeTurnedOff() {
        var table = Self.stepTable(rows: 40)
        table.elision = nil
        #expect(table.visibleRows.count == 40)
    }

    @Test func highlightedRowsGetAGrayBandOnlyWhenVisible() {
        let shown = texts(Self.stepTable(rows: 40, highlighted: [2, 39])).canvas.dump
        #expect(shown.components(separatedBy: "fill #e4e4e4").count - 1 == 2)
        let hidden = texts(Self.stepTable(rows: 40, highlighted: [20])).canvas.dump
        #expect(!hidden.contains("fill #"))
    }

    @Test func narrowTablesKeepTheirFontSize() {
        let table = Self.stepTable(rows: 5), canvas = RecordingCanvas()
        #expect(table.fontSize(for: 500, canvas: canvas) == table.fontSize)
        #expect(table.size(for: 500, canvas: canvas).width < 500)
    }

    @Test(arguments: [150.0, 140.0, 40.0])
    func wideTablesShrinkAndNeverOverflow(width: Double) {
        let table = Self.stepTable(rows: 5), canvas = RecordingCanvas()
        let natural = table.size(for: 10_000, canvas: canvas).width
        #expect(natural > 150)
        #expect(table.size(for: width, canvas: canvas).width <= width)
        let font = table.fontSize(for: width, canvas: canvas)
        #expect(font < table.fontSize)
        if width >= 140 { #expect(font >= table.minimumFontSize) }
    }

    @Test func drawingStaysInsideTheFrame() {
        let table = Self.stepTable(rows: 40, highlighted: [0])
        let canvas = RecordingCanvas()
        let size = table.size(for: 200, canvas: canvas)
        let frame = Rect(x: 10, y: 20, width: 200, height: size.height)
        table.draw(in: canvas, frame: frame)
        for text in RecordedText.all(in: canvas.dump) {
            let style = TextStyle(family: table.numberFamily, size: text.size)
            let w = canvas.measureText(text.markup, style: style).width
            #expect(text.x >= frame.minX - 0.01 && text.x + w <= frame.maxX + 0.5)
            #expect(text.y >= frame.minY && text.y <= frame.maxY)
        }
    }

    @Test func snapshot() {
        let canvas = RecordingCanvas()
        let table = Self.stepTable(rows: 14, highlighted: [1])
        table.draw(in: canvas, frame: Rect(x: 0, y: 0, width: 400, height: table.size(for: 400, canvas: canvas).height))
        expectSnapshot(canvas.dump + "\n", named: "TableTests/momentum-steps")
    }
}
