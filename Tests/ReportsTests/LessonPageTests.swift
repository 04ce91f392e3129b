import Foundation
import Lessons
import Plot
import TestSupport
import Testing
import Trace
@testable import Reports

/// The lesson page and its parts on the fake backend: markup, ids, thinning, exact numbers, the files.
@Suite("Lesson pages")
struct LessonPageTests {
    @Test(arguments: [
        ("<b>a</b> <i>b</i>", "<b>a</b> <i>b</i>"),
        ("<tt>a &lt; b</tt>", "<code>a &lt; b</code>"),
        ("θ<sub>k</sub><sup>2</sup>", "θ<sub>k</sub><sup>2</sup>"),
        ("<span alpha=\"1\">P = </span>x", "<span class=\"phantom\">P = </span>x"),
        ("<span foreground=\"red\">x</span> &amp; y", "<span>x</span> &amp; y"),
        ("<small>note</small>", "<small>note</small>"),
        ("<blink>gone</blink>", "gone"),
    ])
    func pangoMarkupBecomesHTML(markup: String, html: String) {
        #expect(HTMLText.html(fromMarkup: markup) == html)
    }

    @Test func escapingCoversTextAndAttributes() {
        #expect(HTMLText.escape("a < b & \"c\"") == "a &lt; b &amp; &quot;c&quot;")
    }

    @Test func inlineSVGRenamesIdsInOrderAndFollowsReferences() {
        let svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="10pt" height="5pt" viewBox="0 0 10 5" version="1.1">
            <use xlink:href="#glyph0-7" x="1"/><symbol id="glyph0-7"/><clipPath id="clip94"/>
            <g id="surface12" clip-path="url(#clip94)"><use xlink:href="#glyph0-7"/></g></svg>
            """
        let out = InlineSVG.prepare(svg, prefix: "f2", attributes: "class=\"plot\"")
        #expect(!out.contains("<?xml"))
        #expect(out.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 5\" version=\"1.1\" class=\"plot\">"))
        #expect(out.contains("<use xlink:href=\"#f2-1\" x=\"1\"/><symbol id=\"f2-1\"/><clipPath id=\"f2-2\"/>"))
        #expect(out.contains("<g id=\"f2-3\" clip-path=\"url(#f2-2)\"><use xlink:href=\"#f2-1\"/></g>"))
        // The same drawing numbered differently by Cairo gives the same text.
        let renumbered = svg.replacingOccurrences(of: "glyph0-7", with: "glyph3-1").replacingOccurrences(of: "clip94", with: "clip2")
            .replacingOccurrences(of: "surface12", with: "surface40")
        #expect(InlineSVG.prepare(renumbered, prefix: "f2", attributes: "class=\"plot\"") == out)
    }

    @Test func pathCoordinatesAreRoundedToHundredthsOfAPoint() {
        let svg = "<path style=\"stroke:none;\" d=\"M 0.40625 1.421875 L -5.640625 0.996 C 1 -0.004 2.5 12.346 Z\"/><rect x=\"0.123456\"/>"
        #expect(InlineSVG.roundPathData(svg)
            == "<path style=\"stroke:none;\" d=\"M 0.41 1.42 L -5.64 1 C 1 0 2.5 12.35 Z\"/><rect x=\"0.123456\"/>")
    }

    @Test func shortRunsAreReachableAtEveryStepLongOnesThinned() {
        #expect(StepThinning(ends: [100, 30]).steps == Array(0...100))
        #expect(!StepThinning(ends: [1000]).isThinned)
        let long = StepThinning(ends: [400_000, 2252])
        #expect(long.isThinned && long.last == 400_000)
        #expect(Array(long.steps.prefix(101)) == Array(0...100))
        #expect(long.steps.contains(2252) && long.steps.last == 400_000)
        #expect(long.steps.count <= 1 + StepThinning.head + StepThinning.spread + 2)
        #expect(zip(long.steps, long.steps.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test(arguments: [0.08000000000000007, -3.7696, 28, 1e-7, Double.leastNonzeroMagnitude, -0.0, 1.7976931348623157e308, 0.1 + 0.2, 123456789012345680])
    func jsonNumbersReadBackBitForBit(value: Double) throws {
        let text = JSON.number(value)
        let parsed = try JSONDecoder().decode([Double].self, from: Data("[\(text)]".utf8))
        #expect(parsed[0].bitPattern == value.bitPattern, "\(text)")
        #expect(Double(text)?.bitPattern == value.bitPattern)
    }

    /// The parts of a scrubber's JSON the tests read, decoded by `JSONDecoder`, which reads numbers exactly
    /// (`JSONSerialization` on Linux may miss by an ulp; browsers' `JSON.parse` is exact).
    struct ScrubberData: Decodable {
        struct Run: Decodable {
            var id: String
            var rows: [Int]?
            var x: String
            var y: String?
            var cols: [String: Column]
            var rule: Rule
        }
        struct Rule: Decodable {
            var kind: String
            var momentum: Double
        }
        /// A column: one number for all rows, or one per row.
        enum Column: Decodable {
            case one(Double)
            case many([Double])
            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let value = try? container.decode(Double.self) { self = .one(value) } else { self = .many(try container.decode([Double].self)) }
            }
            var values: [Double]? { if case .many(let v) = self { return v } else { return nil } }
        }
        var steps: [Int]
        var thinned: Bool
        var last: Int
        var runs: [Run]
    }

    @Test func jsonWritesWhatJSONLacksAsStringsAndKeepsScriptsClosed() {
        #expect(JSON.number(.nan) == "\"NaN\"" && JSON.number(.infinity) == "\"Infinity\"" && JSON.number(-.infinity) == "\"-Infinity\"")
        #expect(JSON.number(28) == "28")
        #expect(JSON.string("</script>\"\\\n") == "\"\\u003c/script>\\\"\\\\\\n\"")
        #expect(JSON.column([0.02, 0.02]) == "0.02" && JSON.column([1, 2]) == "[1,2]")
    }

    /// The small bowl written with pages on the fake backend: the folder's files and the page's text.
    static func bowlPage() throws -> (page: String, results: LessonResults, output: TemporaryFolder) {
        let output = try TemporaryFolder(prefix: "steptrace-reports")
        var writer = ReportWriterTests.writer(FakeBackend())
        writer.writesHTML = true
        _ = try writer.write(try SmallLessons.bowl(), output: output.folder)
        let page = try String(contentsOfFile: output.folder + "/small-bowl/index.html", encoding: .utf8)
        return (page, try LessonResults.run(try SmallLessons.bowl()), output)
    }

    @Test func thePageLandsWithTheReportAndHoldsTheHandoutsBlocks() throws {
        let (page, _, output) = try Self.bowlPage()
        #expect(output.entries(under: "small-bowl") == ["figures", "handout.pdf", "index.html", "thumbnail.png", "traces"])
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        for text in ["<h1>A small bowl</h1>", "<p class=\"subtitle\">Two conventions</p>", "Why <i>two</i> numbers?",
                     "<h2>The question</h2>", "<p>Some <i>prose</i>.</p>", "<span class=\"label\">Figure 1.</span> Both paths.",
                     "<span class=\"label\">Table 1.</span>", "<div class=\"formula\">v ← μ v − η g", "<aside class=\"results\">",
                     "<h2>More figures and tables</h2>", "<span class=\"label\">Figure 3.</span> Final loss against the rate.",
                     "href=\"traces/keras.csv.gz\"", "gzip-compressed CSV, 9 significant digits)", "href=\"figures/paths.png\"",
                     "href=\"handout.pdf\""] {
            #expect(page.contains(text), "the page holds \(text)")
        }
        // Each figure's ids are its own.
        #expect(page.contains("id=\"f1-1\"") && page.contains("id=\"f2-1\"") && page.contains("id=\"f3-1\""))
        // Only the surface draws paths.
        #expect(page.components(separatedBy: "class=\"scrubber-data\"").count == 2)
        #expect(page.contains("id=\"figure-paths\"") && page.contains("id=\"figure-losses\""))
    }

    @Test func theScrubbersDataAreTheTracesValues() throws {
        let (page, results, _) = try Self.bowlPage()
        let start = try #require(page.range(of: "<script type=\"application/json\" class=\"scrubber-data\">"))
        let end = try #require(page[start.upperBound...].range(of: "</script>"))
        let data = try JSONDecoder().decode(ScrubberData.self, from: Data(page[start.upperBound..<end.lowerBound].utf8))
        #expect(data.steps == Array(0...40))
        #expect(!data.thinned && data.last == 40)
        #expect(data.runs.map(\.id) == ["keras", "pytorch"])
        for (run, id) in zip(data.runs, ["keras", "pytorch"]) {
            let trace = try #require(results.result(id)).trace
            #expect(run.rows == nil, "every row of a short run")
            #expect(run.x == "x" && run.y == "y")
            let state = id == "keras" ? "velocity" : "buffer"
            #expect(Set(run.cols.keys) == ["loss", "lr", "x", "y", "grad.x", "grad.y", "\(state).x", "\(state).y", "update.x", "update.y"])
            for (name, column) in [("loss", TraceColumn.loss), ("x", .parameter(0)), ("grad.y", .gradient(1)),
                                   ("\(state).x", .state(0, parameter: 0)), ("update.y", .update(1))] {
                let values = try #require(run.cols[name]?.values)
                #expect(values.map(\.bitPattern) == trace.values(column).map(\.bitPattern), "\(id) \(name)")
            }
            if case .one(let lr) = run.cols["lr"] { #expect(lr == 0.02) } else { Issue.record("a constant column is one number") }
            #expect(run.rule.kind == "sgd" && run.rule.momentum == 0.9)
        }
    }

    @Test func aLongRunIsThinnedButExactAtTheStepsKept() throws {
        let text = """
            title = "Long"

            [problem]
            objective = "2*w^2"
            parameters = ["w"]
            start = [3]

            [problem.view]
            x = "w"
            x_range = [-4, 4]

            [[runs]]
            id = "slow"
            optimizer = "adam"
            lr = 0.0001
            steps = 5000

            [[figures]]
            id = "curve"
            kind = "curve"
            runs = ["slow"]
            caption = "Slowly."
            """
        let lesson = try LessonLoader.parse(text: text, id: "long", folder: "/nonexistent", file: "long/lesson.toml",
                                            notes: nil, notesFile: "long/notes.md")
        let results = try LessonResults.run(lesson)
        let backend = FakeBackend()
        let figure = try FigureFactory(results: results).build(lesson.figures[0])
        let size = Size(400, 400 / figure.aspectRatio)
        let scrubber = try #require(Scrubber(figure: figure.drawable, runs: results.results, size: size, canvas: backend.measuringCanvas()))
        #expect(scrubber.thinning.isThinned && scrubber.thinning.last == 5000)
        #expect(scrubber.tracks.count == 1 && scrubber.tracks[0].y == nil && scrubber.tracks[0].heights != nil)
        let data = try JSONDecoder().decode(ScrubberData.self, from: Data(scrubber.json().utf8))
        let run = try #require(data.runs.first)
        let rows = try #require(run.rows)
        // Every reachable step, the row before it and (on a curve) the row after it.
        #expect(Set(data.steps).isSubset(of: rows) && Set(data.steps.dropFirst().map { $0 - 1 }).isSubset(of: rows))
        let trace = results.results[0].trace
        for (name, column) in [("w", TraceColumn.parameter(0)), ("m.w", .state(0, parameter: 0)), ("v.w", .state(1, parameter: 0))] {
            let values = try #require(run.cols[name]?.values)
            #expect(values.map(\.bitPattern) == rows.map { trace.value(column, row: $0).bitPattern }, "\(name)")
        }
    }

    @Test func aFigureWithoutPathsOrWithOtherRunsGetsNoScrubber() throws {
        let lesson = try SmallLessons.bowl()
        let results = try LessonResults.run(lesson)
        let factory = FigureFactory(results: results)
        let canvas = FakeBackend().measuringCanvas()
        let paths = try factory.build(lesson.figures.first { $0.id == "paths" }!)
        let losses = try factory.build(lesson.figures.first { $0.id == "losses" }!)
        let named = results.results(named: ["keras", "pytorch"])
        #expect(Scrubber(figure: paths.drawable, runs: named, size: Size(400, 250), canvas: canvas) != nil)
        #expect(Scrubber(figure: losses.drawable, runs: results.results(named: ["keras", "plain"]), size: Size(400, 250), canvas: canvas) == nil)
        #expect(Scrubber(figure: paths.drawable, runs: results.results(named: ["plain", "keras"]), size: Size(400, 250),
                         canvas: canvas) == nil, "the paths are not those runs' parameters")
    }
}
