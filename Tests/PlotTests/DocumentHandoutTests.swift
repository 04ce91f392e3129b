import TestSupport
import Testing
@testable import Plot

/// A stand-in figure that records its frame as a rectangle.
private struct Box: Drawable {
    var label: String
    func draw(in canvas: Canvas, frame: Rect) {
        canvas.stroke(.rect(frame), style: StrokeStyle(width: 0.5))
        canvas.drawText(label, style: TextStyle(size: 8), at: Point(frame.minX + 4, frame.minY + 4), angle: 0)
    }
}

@Suite("Handout flow layout")
struct DocumentHandoutTests {
    static let sentence = "The heavy ball keeps part of its previous step, so it rolls through the narrow valley "
        + "instead of bouncing between its walls."

    static func paragraph(words: Int) -> String {
        let all = sentence.split(separator: " ")
        return (0..<words).map { String(all[$0 % all.count]) }.joined(separator: " ")
    }

    /// A long handout: title, then sections of heading, paragraphs, figure, table, box.
    static func longHandout(filler: Int = 0, paper: HandoutBuilder.Paper = .a4) -> HandoutBuilder {
        var h = HandoutBuilder(paper: paper, header: "Momentum", footer: "momentum · steptrace 0.1.0")
        h.title("Momentum", subtitle: "A heavy ball in a narrow valley", meta: "lesson momentum · Keras convention")
        h.paragraph(paragraph(words: filler))
        for section in 1...6 {
            h.heading("Section \(section)")
            h.paragraph(paragraph(words: 60 + 17 * section))
            h.formula("v ← μv − η g")
            h.figure(Box(label: "figure \(section)"), height: 180 + Double(section * 10), caption: "Path of θ.")
            h.bullets(["The first step is plain gradient descent.", paragraph(words: 30)])
            h.table(TableTests.stepTable(rows: 20), caption: "Steps of the run.")
            h.resultsBox(title: "Result", rows: [("verdict", "converged at step 41"), ("θ", "(0.0001, −0.0002)")])
        }
        return h
    }

    private func contentItems(_ page: Page) -> [Page.Item] { page.items.filter { !($0.content is PageFurniture) } }

    private func isHeading(_ item: Page.Item, _ style: HandoutStyle) -> Bool {
        (item.content as? TextBlock)?.style == style.heading
    }

    @Test(arguments: [HandoutBuilder.Paper.a4, .letter])
    func longFlowPaginatesInsideTheTextArea(paper: HandoutBuilder.Paper) {
        let h = Self.longHandout(paper: paper)
        let doc = h.build(canvasForMeasuring: RecordingCanvas(), title: "Momentum", creationDate: 42)
        #expect(doc.pages.count > 3)
        #expect(doc.title == "Momentum" && doc.creationDate == 42)
        let area = h.textArea
        #expect(abs(area.width - (paper.size.width - 112)) < 1e-9)
        for page in doc.pages {
            #expect(page.size == paper.size)
            for item in contentItems(page) {
                let f = item.frame
                #expect(f.minX >= area.minX - 1e-6 && f.maxX <= area.maxX + 1e-6)
                #expect(f.minY >= area.minY - 1e-6 && f.maxY <= area.maxY + 1e-6, "item at \(f) leaves the text area")
            }
        }
    }

    @Test func footersCarryPageNOfN() {
        let doc = Self.longHandout().build(canvasForMeasuring: RecordingCanvas(), title: "Momentum")
        let n = doc.pages.count
        for (i, page) in doc.pages.enumerated() {
            let footers = page.items.compactMap { $0.content as? PageFurniture }.filter { !$0.left.isEmpty }
            #expect(footers.count == 1)
            #expect(footers.first?.left == "momentum · steptrace 0.1.0")
            #expect(footers.first?.right == "page \(i + 1) of \(n)")
            let canvas = RecordingCanvas()
            page.draw(in: canvas)
            #expect(canvas.dump.contains("\"page \(i + 1) of \(n)\""))
            // The running header appears from page 2 on.
            let headers = page.items.compactMap { $0.content as? PageFurniture }.filter { $0.right == "Momentum" }
            #expect(headers.count == (i > 0 ? 1 : 0))
        }
    }

    @Test(arguments: Array(stride(from: 0, through: 300, by: 12)))
    func headingsNeverEndAPage(filler: Int) {
        let h = Self.longHandout(filler: filler)
        let doc = h.build(canvasForMeasuring: RecordingCanvas(), title: "t")
        for page in doc.pages.dropLast() {
            guard let last = contentItems(page).last else { Issue.record("empty page"); continue }
            #expect(!isHeading(last, h.style))
        }
    }

    @Test(arguments: Array(stride(from: 0, through: 300, by: 12)))
    func figuresStayWithTheirCaptions(filler: Int) {
        let doc = Self.longHandout(filler: filler).build(canvasForMeasuring: RecordingCanvas(), title: "t")
        var seen = 0
        for page in doc.pages {
            let items = contentItems(page)
            for (i, item) in items.enumerated() where item.content is Box {
                seen += 1
                let caption = i + 1 < items.count ? items[i + 1].content as? TextBlock : nil
                #expect(caption?.lines.first?.hasPrefix("<b>Figure \(seen).</b>") == true)
                #expect((caption.map { _ in items[i + 1].frame.minY } ?? 0) > item.frame.maxY)
            }
        }
        #expect(seen == 6)
    }

    @Test func figuresAndTablesAreNumberedInOrder() {
        var h = HandoutBuilder(footer: "x")
        #expect(h.figure(Box(label: "a"), aspectRatio: 2, caption: "First.") == 1)
        #expect(h.table(TableTests.stepTable(rows: 3), caption: "Steps.") == 1)
        #expect(h.figure(Box(label: "b"), height: 100) == 2)
        #expect(h.table(TableTests.stepTable(rows: 3)) == 2)
        let doc = h.build(canvasForMeasuring: RecordingCanvas(), title: "t")
        let captions = doc.pages.flatMap(\.items).compactMap { ($0.content as? TextBlock)?.lines.first }
        #expect(captions == ["<b>Figure 1.</b> First.", "<b>Table 1.</b> Steps.", "<b>Figure 2.</b>", "<b>Table 2.</b>"])
        // Aspect ratio 2 over the full text width.
        let figure = doc.pages[0].items.first { $0.content is Box }!
        #expect(abs(figure.frame.width - h.textArea.width) < 1e-9 && abs(figure.frame.height - h.textArea.width / 2) < 1e-9)
    }

    @Test func tableCaptionSitsAboveTheTable() {
        var h = HandoutBuilder(footer: "x")
        h.table(TableTests.stepTable(rows: 3), caption: "Steps.")
        let items = h.build(canvasForMeasuring: RecordingCanvas(), title: "t").pages[0].items
        let caption = items.first { $0.content is TextBlock }!, table = items.first { $0.content is Table }!
        #expect(caption.frame.maxY <= table.frame.minY)
    }

    @Test func longParagraphSplitsBetweenLinesWithoutOrphansOrWidows() {
        var h = HandoutBuilder(footer: "x")
        h.paragraph(Self.paragraph(words: 1500))
        let canvas = RecordingCanvas()
        let expected = MarkupLineBreaker.lines(Self.paragraph(words: 1500), width: h.textArea.width, style: h.style.body,
                                               canvas: canvas)
        let doc = h.build(canvasForMeasuring: canvas, title: "t")
        #expect(doc.pages.count > 1)
        let blocks = doc.pages.map { contentItems($0).compactMap { $0.content as? TextBlock } }
        for pageBlocks in blocks {
            #expect(pageBlocks.count == 1)
            #expect((pageBlocks.first?.lines.count ?? 0) >= 2)
        }
        #expect(blocks.flatMap { $0.flatMap(\.lines) } == expected)
    }

    @Test func pageBreakStartsANewPage() {
        var h = HandoutBuilder(footer: "x")
        h.paragraph("Before.")
        h.pageBreak()
        h.heading("After")
        let doc = h.build(canvasForMeasuring: RecordingCanvas(), title: "t")
        #expect(doc.pages.count == 2)
        #expect(contentItems(doc.pages[1]).first.map { isHeading($0, h.style) } == true)
        #expect(contentItems(doc.pages[1]).first?.frame.minY == h.textArea.minY)
    }

    @Test func aFigureTallerThanAPageShrinksToFitWithItsCaption() {
        var h = HandoutBuilder(paper: .letter, footer: "x")
        h.paragraph("Intro.")
        h.paragraph(String(repeating: "More text before the figure. ", count: 30))
        h.figure(Box(label: "tall"), height: 5000, caption: "Tall.")
        let doc = h.build(canvasForMeasuring: RecordingCanvas(), title: "t")
        #expect(doc.pages.count == 2)
        let items = contentItems(doc.pages[1])
        #expect(items.count == 2)
        #expect(items.allSatisfy { $0.frame.maxY <= h.textArea.maxY + 1e-6 })
    }

    /// A page-high figure after one line gives up that line's height (less than an eighth of its own)
    /// instead of leaving the first page almost empty.
    @Test func aFigureGivesUpAFewLinesRatherThanLeaveAPageEmpty() {
        var h = HandoutBuilder(paper: .letter, footer: "x")
        h.paragraph("Intro.")
        h.figure(Box(label: "tall"), height: 5000, caption: "Tall.")
        let doc = h.build(canvasForMeasuring: RecordingCanvas(), title: "t")
        #expect(doc.pages.count == 1)
        let items = contentItems(doc.pages[0])
        #expect(items.allSatisfy { $0.frame.maxY <= h.textArea.maxY + 1e-6 })
    }

    @Test func resultsBoxDrawsBackgroundFirstAndKeysBesideValues() {
        var h = HandoutBuilder(footer: "x")
        h.resultsBox(title: "Result", rows: [("verdict", "converged"), ("distance to answer", "3.2×10<sup>−5</sup>")])
        let items = contentItems(h.build(canvasForMeasuring: RecordingCanvas(), title: "t").pages[0])
        #expect(items.first?.content is BoxBackground)
        let box = items[0].frame
        for item in items.dropFirst() {
            #expect(item.frame.minX > box.minX && item.frame.maxX < box.maxX)
            #expect(item.frame.minY > box.minY && item.frame.maxY < box.maxY)
        }
        let blocks = items.compactMap { $0.content as? TextBlock }.map { $0.lines.joined() }
        #expect(blocks == ["Result", "verdict", "converged", "distance to answer", "3.2×10<sup>−5</sup>"])
    }

    @Test func numberedListsCountFromTheirStartAndAlignTheirNumbersAndText() {
        var h = HandoutBuilder(paper: .a4, header: "h", footer: "f")
        h.numbered(["Compute the gradient.", "Take a step.", "Repeat."], start: 8)
        let texts = RecordedText.all(in: dump(h.build(canvasForMeasuring: RecordingCanvas(), title: "t")))
        let markers = texts.filter { ["8.", "9.", "10."].contains($0.markup) }
        let items = texts.filter { $0.markup.hasSuffix("gradient.") || $0.markup == "Take a step." || $0.markup == "Repeat." }
        #expect(markers.map(\.markup) == ["8.", "9.", "10."])
        #expect(items.count == 3)
        // Every item starts at one hanging indent, right of every number.
        #expect(Set(items.map(\.x)).count == 1)
        #expect(markers.allSatisfy { $0.x < items[0].x })
        // The numbers' right edges line up: "10." starts left of "9.".
        #expect(markers[2].x < markers[1].x)
    }

    @Test func snapshot() {
        var h = HandoutBuilder(paper: .a4, header: "Momentum", footer: "momentum · steptrace 0.1.0")
        h.title("Momentum", subtitle: "A heavy ball in a narrow valley", meta: "lesson momentum · Keras convention · 40 steps")
        h.heading("The question")
        h.paragraph("Why does <i>momentum</i> reach the bottom of a narrow valley faster than plain gradient descent?")
        h.formula("v ← μv − η g\nθ ← θ + v")
        h.figure(Box(label: "contours"), height: 120, caption: "The path of θ over the loss surface.")
        h.bullets(["The velocity starts at exactly zero.", "The first step equals a plain gradient step."])
        h.table(TableTests.stepTable(rows: 14, highlighted: [0]), caption: "The first and last steps.")
        h.resultsBox(title: "Result", rows: [("verdict", "converged at step 41"), ("θ", "(0.00012, −0.00003)")])
        let doc = h.build(canvasForMeasuring: RecordingCanvas(), title: "Momentum")
        expectSnapshot(dump(doc), named: "DocumentHandoutTests/momentum-handout")
    }
}
