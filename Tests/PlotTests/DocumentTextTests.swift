import Testing
@testable import Plot

@Suite("Handout text")
struct DocumentTextTests {
    @Test func subscriptsAndSmallTextAreSetOneStepSmallerPerLevel() {
        let style = TextStyle(size: 24)
        #expect(style.smallestSize(of: "θ ← θ − η g") == 24)
        #expect(style.smallestSize(of: "<b>loss</b> <i>f</i>") == 24)
        #expect(abs(style.smallestSize(of: "θ<sub>k+1</sub> = θ<sup>2</sup>") - 20) < 1e-12)
        #expect(abs(style.smallestSize(of: "<small>a<sub>i</sub></small> b") - 24 / 1.44) < 1e-12)
        #expect(abs(style.smallestSize(of: "<span alpha=\"1\"><sub>x</sub></span><sup>y</sup>") - 20) < 1e-12)
    }

    let style = TextStyle(size: 10)

    @Test func linesFitTheWidthAndKeepEveryWord() {
        let text = "one two three four five six seven eight nine ten eleven twelve"
        let canvas = RecordingCanvas()
        let lines = MarkupLineBreaker.lines(text, width: 90, style: style, canvas: canvas)
        #expect(lines.count > 1)
        for line in lines { #expect(canvas.measureText(line, style: style).width <= 90) }
        #expect(lines.joined(separator: " ") == text)
    }

    @Test func tagsOpenAcrossABreakAreClosedAndReopened() {
        let lines = MarkupLineBreaker.lines("plain <b>bold words here</b> and <span foreground=\"gray\">gray text</span>",
                                            width: 60, style: style, canvas: RecordingCanvas())
        #expect(lines == ["plain <b>bold</b>", "<b>words here</b>", "and <span foreground=\"gray\">gray</span>",
                          "<span foreground=\"gray\">text</span>"])
    }

    @Test func newlinesForceBreaksAndLongWordsGetTheirOwnLine() {
        let lines = MarkupLineBreaker.lines("a b\nc averyveryverylongword d", width: 60, style: style, canvas: RecordingCanvas())
        #expect(lines == ["a b", "c", "averyveryverylongword", "d"])
    }

    @Test func subscriptsAndEntitiesStayInsideTheirWords() {
        let lines = MarkupLineBreaker.lines("θ<sub>1</sub> &amp; v<sub>x</sub>", width: 500, style: style, canvas: RecordingCanvas())
        #expect(lines == ["θ<sub>1</sub> &amp; v<sub>x</sub>"])
    }

    @Test func textBlockAlignsLinesInItsFrame() {
        let canvas = RecordingCanvas()
        var centered = style
        centered.alignment = .center
        TextBlock(lines: ["ab", "abcd"], style: centered, lineHeight: 14).draw(in: canvas, frame: Rect(x: 0, y: 10, width: 100, height: 28))
        #expect(canvas.lines == ["text (44,10) 10pt \"ab\"", "text (38,24) 10pt \"abcd\""])
    }
}
