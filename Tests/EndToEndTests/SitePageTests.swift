import Foundation
import TestSupport
import Testing

/// The web pages in Debian's headless Chromium, started by each test: clean loads, keyboard, the
/// numbers against the traces, play, and the page without JavaScript.
@Suite("Lesson pages in Chromium", .serialized)
struct SitePageTests {
    /// Screenshots go to `$STEPTRACE_SCREENSHOTS` when set (to look at), else to a temporary folder.
    static func screenshotFolder() throws -> (path: String, keep: TemporaryFolder?) {
        if let folder = ProcessInfo.processInfo.environment["STEPTRACE_SCREENSHOTS"], !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return (folder, nil)
        }
        let temporary = try TemporaryFolder(prefix: "steptrace-screenshots")
        return (temporary.folder, temporary)
    }

    /// Opens lesson `id`'s page in a new browser and runs `body` with the tab.
    static func withPage<T>(_ id: String, width: Int = 1280, _ body: (BrowserTab, SharedReports) throws -> T) throws -> T {
        let shared = try SharedReports.getSite()
        let browser = try Chromium()
        defer { browser.close() }
        let tab = try browser.newTab()
        try tab.resize(width: width)
        try tab.open(shared.url("\(id)/index.html"))
        let result = try body(tab, shared)
        #expect(tab.problems.isEmpty, "\(id): \(tab.problems)")
        return result
    }

    @Test func everyPageLoadsCleanlyAndFitsADesktopAndAPhone() throws {
        let shared = try SharedReports.getSite()
        let (folder, keep) = try Self.screenshotFolder()
        let browser = try Chromium()
        defer { browser.close() }
        let tab = try browser.newTab()
        let root = URL(fileURLWithPath: shared.output).standardizedFileURL.absoluteString
        for page in ["index"] + CommandLineTests.lessonIDs {
            let relative = page == "index" ? "index.html" : "\(page)/index.html"
            for width in [1280, 390] {
                try tab.resize(width: width, mobile: width < 500)
                try tab.open(shared.url(relative))
                #expect(tab.problems.isEmpty, "\(relative) at \(width) px: \(tab.problems)")
                let outside = tab.requests.filter { !$0.hasPrefix(root) && !$0.hasPrefix("data:") }
                #expect(outside.isEmpty, "\(relative) asked for \(outside)")
                if page == "index" {
                    #expect(tab.requests.contains { $0.hasPrefix(root) && $0.hasSuffix("/thumbnail.png") },
                            "the requests are seen: the gallery's thumbnails load from the folder: \(tab.requests)")
                }
                // The page never scrolls sideways; wide tables scroll inside their own box.
                let overflow = try tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") as? Int
                #expect(overflow == 0, "\(relative) is \(overflow ?? -1) px too wide at \(width) px")
                let shown = try tab.evaluate("document.querySelectorAll('.scrubber:not([hidden])').length") as? Int
                let all = try tab.evaluate("document.querySelectorAll('.scrubber').length") as? Int
                #expect(shown == all, "\(relative): every scrubber is shown once the script runs")
                for (k, png) in try tab.screenshots().enumerated() {
                    #expect(png.starts(with: Files.pngSignature))
                    try png.write(to: URL(fileURLWithPath: "\(folder)/\(page)-\(width)-\(k + 1).png"))
                }
                // Each scrubbed figure a fifth of the way through, the last run's numbers shown.
                let figures = try tab.json("""
                    Array.from(document.querySelectorAll('.scrubber')).map(function (s) {
                      var slider = s.querySelector('input[type=range]'), select = s.querySelector('select.run');
                      if (select) { select.value = String(select.options.length - 1); select.dispatchEvent(new Event('change')); }
                      slider.value = String(Math.round(slider.max / 5));
                      slider.dispatchEvent(new Event('input'));
                      var r = s.parentNode.getBoundingClientRect();
                      return [s.parentNode.id, r.left, r.top + window.scrollY, r.width, r.height];
                    })
                    """) as? [[Any]] ?? []
                for figure in figures {
                    let id = figure[0] as? String ?? "figure"
                    let box = figure.dropFirst().map { ($0 as? Double) ?? Double($0 as? Int ?? 0) }
                    let png = try tab.screenshot(x: box[0], y: box[1], width: box[2], height: box[3])
                    try png.write(to: URL(fileURLWithPath: "\(folder)/\(page)-\(width)-\(id).png"))
                }
            }
        }
        withExtendedLifetime(keep) {}
    }

    @Test func theSliderMovesByKeyboard() throws {
        try Self.withPage("momentum") { tab, _ in
            // Tab from the top of the page reaches the paths figure's slider.
            var reached = false
            for _ in 0..<80 where !reached {
                try tab.press("Tab")
                reached = try tab.evaluate("document.activeElement.matches('#figure-paths input[type=range]')") as? Bool ?? false
            }
            try #require(reached, "Tab never reached the slider")
            func state() throws -> (String, String) {
                let value = try tab.evaluate("document.querySelector('#figure-paths input[type=range]').value") as? String ?? ""
                let output = try tab.evaluate("document.querySelector('#figure-paths output').textContent") as? String ?? ""
                return (value, output)
            }
            #expect(try state() == ("0", "step 0 of 100"))
            for _ in 0..<3 { try tab.press("ArrowRight") }
            #expect(try state() == ("3", "step 3 of 100"))
            try tab.press("ArrowLeft")
            #expect(try state() == ("2", "step 2 of 100"))
            try tab.press("End")
            #expect(try state() == ("100", "step 100 of 100"))
            try tab.press("Home")
            #expect(try state() == ("0", "step 0 of 100"))
        }
    }

    /// Every number in a figure's readout at `position`: its column, row, exact value and shown text.
    static func readout(_ tab: BrowserTab, figure: String, run: Int, position: Int) throws -> [(col: String, row: Int, value: String, text: String)] {
        try tab.evaluate("""
            (function () {
              var root = document.querySelector('#figure-\(figure) .scrubber');
              var select = root.querySelector('select.run');
              if (select) { select.value = '\(run)'; select.dispatchEvent(new Event('change')); }
              var slider = root.querySelector('input[type=range]');
              slider.value = '\(position)';
              slider.dispatchEvent(new Event('input'));
            })()
            """)
        let spans = try tab.json("""
            Array.from(document.querySelectorAll('#figure-\(figure) .readout [data-col]')).map(function (s) {
              return [s.dataset.col, Number(s.dataset.row), s.dataset.v, s.textContent];
            })
            """) as? [[Any]] ?? []
        return spans.map { ($0[0] as? String ?? "", $0[1] as? Int ?? -1, $0[2] as? String ?? "", $0[3] as? String ?? "") }
    }

    /// Checks every number shown against the trace's CSV row: the page holds the exact value, which rounded
    /// to the trace file's 9 significant digits is the file's value bit for bit; its text is that value to six digits.
    static func expectTraceValues(_ spans: [(col: String, row: Int, value: String, text: String)], csv: TraceCSV, near step: Int,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(spans.count >= 5, "numbers at step \(step): \(spans.count)", sourceLocation: sourceLocation)
        for span in spans {
            #expect([step, step - 1].contains(span.row), "\(span.col) from row \(span.row) at step \(step)", sourceLocation: sourceLocation)
            let shown = Double(span.value).map { Double(String(format: "%.8e", $0)) ?? $0 }
            let expected = csv.value(span.col, row: span.row)
            #expect(shown != nil && shown?.bitPattern == expected?.bitPattern,
                    "\(span.col) at row \(span.row): page \(span.value), trace \(expected.map { "\($0)" } ?? "none")",
                    sourceLocation: sourceLocation)
            if let v = expected, v.isFinite, v != 0 {
                let text = span.text.replacingOccurrences(of: "−", with: "-")
                let parsed = Self.parseShown(text)
                #expect(parsed.map { abs($0 - v) <= 5e-6 * abs(v) } == true, "\(span.col): '\(span.text)' for \(v)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    /// `-1.5×10⁻⁷` → -1.5e-7.
    static func parseShown(_ text: String) -> Double? {
        let digits: [Character: Character] = ["⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7",
                                              "⁸": "8", "⁹": "9", "⁻": "-"]
        guard let times = text.range(of: "×10") else { return Double(text) }
        let exponent = String(text[times.upperBound...].map { digits[$0] ?? $0 })
        return Double(text[..<times.lowerBound] + "e" + exponent)
    }

    @Test func theNumbersAtSomeStepsAreTheTracesRows() throws {
        try Self.withPage("momentum") { tab, shared in
            let keras = try TraceCSV(path: shared.path("momentum/traces/keras.csv.gz"))
            for step in [0, 1, 2, 37, 100] {
                Self.expectTraceValues(try Self.readout(tab, figure: "paths", run: 2, position: step), csv: keras, near: step)
            }
            // The update rule of step 2 with its numbers, as the handout's table reads.
            _ = try Self.readout(tab, figure: "paths", run: 2, position: 2)
            let rules = try tab.json("Array.from(document.querySelectorAll('#figure-paths .readout .rule')).map(function (r) { return r.textContent; })") as? [String] ?? []
            #expect(rules.contains("v₂ = μ·v₁ − η₁·g₁ = 0.9·0.08 − 0.02·(−3.92) = 0.1504"), "rules: \(rules)")
            #expect(rules.contains("x₂ = x₁ + v₂ = −3.92 + 0.1504 = −3.7696"), "rules: \(rules)")
            // Every digit on request: the value as the trace holds it.
            try tab.evaluate("var d = document.querySelector('#figure-paths input.digits'); d.checked = true; d.dispatchEvent(new Event('change'))")
            let exact = try tab.evaluate("document.querySelector('#figure-paths .readout [data-col=\"update.x\"][data-row=\"2\"]').textContent") as? String
            #expect(exact == "0.21075199999999983")
        }
        try Self.withPage("lr-overshoot") { tab, shared in
            // The curve figure: the third rate (η = 0.4) zig-zags; its numbers at a few steps.
            let run = try TraceCSV(path: shared.path("lr-overshoot/traces/bowl-rates-3.csv.gz"))
            for step in [0, 1, 5, 30] {
                Self.expectTraceValues(try Self.readout(tab, figure: "bowl-steps", run: 2, position: step), csv: run, near: step)
            }
        }
        try Self.withPage("quadratic-fit") { tab, shared in
            // 400 000 per-sample steps: thinned, but every reachable step shows the trace's own row.
            let steps = try tab.json("JSON.parse(document.querySelector('#figure-surface .scrubber-data').textContent).steps") as? [Int] ?? []
            #expect(steps.count < 600 && steps.first == 0 && steps.last == 400_000 && Array(steps.prefix(101)) == Array(0...100))
            let note = try tab.evaluate("document.querySelector('#figure-surface .thinned').textContent") as? String ?? ""
            #expect(note.contains("every step up to 100"))
            let run = try TraceCSV(path: shared.path("quadratic-fit/traces/per-sample.csv.gz"))
            for position in [3, 250, steps.count - 1] {
                Self.expectTraceValues(try Self.readout(tab, figure: "surface", run: 0, position: position), csv: run, near: steps[position])
            }
        }
    }

    @Test func playAdvancesAndPauseStops() throws {
        try Self.withPage("momentum") { tab, _ in
            let slider = "document.querySelector('#figure-paths input[type=range]')"
            let play = "document.querySelector('#figure-paths button.play')"
            try tab.evaluate("\(play).focus()")
            try tab.press("Enter")
            #expect(try tab.evaluate("\(play).getAttribute('aria-pressed')") as? String == "true")
            // Wait for the slider to move, with a deadline far beyond the 80 ms a step takes.
            let deadline = Date().addingTimeInterval(20)
            var value = 0
            while value < 5 && Date() < deadline {
                usleep(100_000)
                value = Int(try tab.evaluate("\(slider).value") as? String ?? "") ?? 0
            }
            #expect(value >= 5, "play moved the slider to \(value) only")
            try tab.press("Enter")
            #expect(try tab.evaluate("\(play).getAttribute('aria-pressed')") as? String == "false")
            let paused = try tab.evaluate("\(slider).value") as? String
            usleep(500_000)
            #expect(try tab.evaluate("\(slider).value") as? String == paused, "the slider moves after pause")
        }
    }

    @Test func withoutJavaScriptThePageReadsAsAStaticPage() throws {
        let shared = try SharedReports.getSite()
        let browser = try Chromium()
        defer { browser.close() }
        let tab = try browser.newTab()
        try tab.send("Emulation.setScriptExecutionDisabled", ["value": true])
        try tab.open(shared.url("momentum/index.html"))
        let state = try tab.json("""
            [document.querySelectorAll('svg.plot').length, document.querySelectorAll('.scrubber').length,
             Array.from(document.querySelectorAll('.scrubber')).every(function (s) { return s.offsetParent === null; }),
             document.querySelectorAll('.scrub-overlay').length, document.querySelectorAll('table.steps').length,
             document.body.innerText.indexOf('The learner asked') >= 0]
            """) as? [Any] ?? []
        #expect(state.count == 6)
        #expect(state.first as? Int == 6, "six figures")
        #expect((state[1] as? Int ?? 0) >= 1)
        #expect(state[2] as? Bool == true, "scrubbers stay hidden")
        #expect(state[3] as? Int == 0, "no overlay drawn")
        #expect(state[4] as? Int == 2, "both step tables")
        #expect(state[5] as? Bool == true)
    }
}
