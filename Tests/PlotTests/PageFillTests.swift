import Testing
@testable import Plot

/// A stand-in figure: a rectangle with a label.
private struct Plate: Drawable {
    var label: String
    func draw(in canvas: Canvas, frame: Rect) {
        canvas.stroke(.rect(frame), style: StrokeStyle(width: 0.5))
        canvas.drawText(label, style: TextStyle(size: 8), at: Point(frame.minX + 4, frame.minY + 4), angle: 0)
    }
}

/// Pages without holes: text flows up past a figure that does not fit, captions stay with their
/// figures, and a table taller than a page splits with its header repeated.
@Suite struct PageFillTests {
    private func content(_ page: Page) -> [Page.Item] { page.items.filter { !($0.content is PageFurniture) } }

    /// How far down the text area the lowest item of `page` reaches, 0…1.
    private func fill(_ page: Page, _ area: Rect) -> Double {
        ((content(page).map(\.frame.maxY).max() ?? area.minY) - area.minY) / area.height
    }

    /// The lesson pattern that left half a page empty: text, a figure taller than what is left, more text.
    private func handout() -> HandoutBuilder {
        var h = HandoutBuilder(footer: "x")
        h.heading("One parameter")
        h.paragraph(DocumentHandoutTests.paragraph(words: 260))
        h.figure(Plate(label: "four panels"), height: 460, caption: "The four rates.")
        h.heading("Two parameters")
        h.paragraph(DocumentHandoutTests.paragraph(words: 140))
        h.formula("θ ← θ − η g")
        h.paragraph(DocumentHandoutTests.paragraph(words: 300))
        return h
    }

    @Test func textAfterAFigureFlowsUpIntoTheSpaceItLeaves() {
        let h = handout()
        let doc = h.build(canvasForMeasuring: RecordingCanvas(), title: "t")
        #expect(doc.pages.count == 2)
        // The first page is filled by the text after the figure (it reached about half the page before).
        #expect(fill(doc.pages[0], h.textArea) > 0.95, "page 1 fill \(fill(doc.pages[0], h.textArea))")
        let first = content(doc.pages[0]).compactMap { $0.content as? TextBlock }.flatMap(\.lines)
        #expect(first.contains("Two parameters"))
        // The figure opens page 2 with its caption right under it.
        let second = content(doc.pages[1])
        #expect(second.first?.content is Plate)
        #expect(second.first?.frame.minY == h.textArea.minY)
        let caption = second.dropFirst().first?.content as? TextBlock
        #expect(caption?.lines.first?.contains("Figure 1.") == true)
        #expect(abs((second[1].frame.minY - second[0].frame.maxY) - h.style.captionGap) < 1e-6)
    }

    /// A figure 5 % taller than the room left under 200 words (and a heading kept with it, when
    /// given) still goes on page 1, drawn shorter by at most its give; one 50 % taller takes its
    /// heading to page 2 with it.
    @Test(arguments: [nil, "Loss curves"])
    func aFigureJustTooTallForTheRestOfAPageGivesUpAFewPoints(heading: String?) {
        func handout(figureHeight: (Double) -> Double) -> (HandoutBuilder, room: Double) {
            var h = HandoutBuilder(footer: "x")
            h.paragraph(DocumentHandoutTests.paragraph(words: 200))
            if let heading { h.heading(heading) }
            let before = h.build(canvasForMeasuring: RecordingCanvas(), title: "t")
            let used = (content(before.pages[0]).map(\.frame.maxY).max() ?? 0) - h.textArea.minY
            let caption = 8.5 * 1.35, room = h.textArea.height - used - h.style.blockSpacing * 1.5 - h.style.captionGap - caption
            h.figure(Plate(label: "f"), height: figureHeight(room), caption: "F.")
            return (h, room)
        }
        let (h, room) = handout { $0 * 1.05 }
        let doc = h.build(canvasForMeasuring: RecordingCanvas(), title: "t")
        #expect(doc.pages.count == 1)
        let plate = content(doc.pages[0]).first { $0.content is Plate }
        #expect(plate.map { $0.frame.height < room * 1.05 && $0.frame.height >= room * 1.05 * 7 / 8 } == true)
        #expect(content(doc.pages[0]).allSatisfy { $0.frame.maxY <= h.textArea.maxY + 1e-6 })

        let (far, _) = handout { $0 * 1.5 }
        let moved = far.build(canvasForMeasuring: RecordingCanvas(), title: "t")
        #expect(moved.pages.count == 2)
        let second = content(moved.pages[1])
        if let heading {
            #expect((second.first?.content as? TextBlock)?.lines.first == heading)
        } else {
            #expect(second.first?.content is Plate)
        }
    }

    @Test func aTableTallerThanAPageSplitsWithItsHeaderOnEveryPage() {
        var h = HandoutBuilder(footer: "x")
        h.paragraph("Before the table.")
        let table = TableTests.stepTable(rows: 140)
        var long = table
        long.elision = nil
        h.table(long, caption: "Every step.")
        let doc = h.build(canvasForMeasuring: RecordingCanvas(), title: "t")
        let pages = doc.pages.filter { page in content(page).contains { $0.content is Table } }
        #expect(pages.count >= 3)
        var shown = 0
        for (k, page) in pages.enumerated() {
            let canvas = RecordingCanvas()
            page.draw(in: canvas)
            let texts = RecordedText.all(in: canvas.dump).map(\.markup)
            // The header row on every page, and a continued caption after the first.
            #expect(texts.contains("step") && texts.contains("θ<sub>1</sub>") && texts.contains("loss"), "page \(k + 1)")
            #expect(texts.contains { $0.contains(k == 0 ? "Table 1." : "(continued)") }, "page \(k + 1)")
            for item in content(page) { #expect(item.frame.maxY <= h.textArea.maxY + 1e-6) }
            shown += content(page).compactMap { ($0.content as? Table)?.rowWindow?.count }.reduce(0, +)
        }
        // Every row appears exactly once across the pages.
        #expect(shown == 140)
    }
}
