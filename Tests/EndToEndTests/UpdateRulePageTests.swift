import Foundation
import TestSupport
import Testing

/// The update rule of every optimizer and convention, filled in with a step's numbers, computes the
/// trace's value: the page's own arithmetic is evaluated in the browser and compared.
@Suite("Update rules in Chromium", .serialized)
struct UpdateRulePageTests {
    /// One run per optimizer and convention on the ill-conditioned bowl, all on one surface.
    static let runs: [(id: String, settings: String)] = [
        ("sgd-keras", "optimizer = \"sgd\"\nlr = 0.05"),
        ("momentum-keras", "optimizer = \"sgd\"\nlr = 0.02\nmomentum = 0.9"),
        ("nesterov-keras", "optimizer = \"sgd\"\nlr = 0.02\nmomentum = 0.9\nnesterov = true"),
        ("momentum-pytorch", "optimizer = \"sgd\"\nconvention = \"pytorch\"\nlr = 0.02\nmomentum = 0.9\ndampening = 0.1"),
        ("nesterov-pytorch", "optimizer = \"sgd\"\nconvention = \"pytorch\"\nlr = 0.02\nmomentum = 0.9\nnesterov = true"),
        ("adagrad-keras", "optimizer = \"adagrad\"\nlr = 0.5"),
        ("adagrad-pytorch", "optimizer = \"adagrad\"\nconvention = \"pytorch\"\nlr = 0.5"),
        ("rmsprop-keras", "optimizer = \"rmsprop\"\nlr = 0.05"),
        ("rmsprop-pytorch", "optimizer = \"rmsprop\"\nconvention = \"pytorch\"\nlr = 0.05"),
        ("adam-keras", "optimizer = \"adam\"\nlr = 0.1"),
        ("adam-pytorch", "optimizer = \"adam\"\nconvention = \"pytorch\"\nlr = 0.1"),
    ]

    static func lesson() -> String {
        var text = """
            title = "Every rule"

            [problem]
            builtin = "quadratic"
            curvatures = [1, 10]
            parameters = ["x", "y"]
            start = [-4, 2]

            [problem.view]
            x = "x"
            y = "y"
            x_range = [-5, 5]
            y_range = [-3, 3]
            """
        for run in runs { text += "\n\n[[runs]]\nid = \"\(run.id)\"\n\(run.settings)\nsteps = 6" }
        text += "\n\n[[figures]]\nid = \"paths\"\nkind = \"surface\"\nruns = [\(runs.map { "\"\($0.id)\"" }.joined(separator: ", "))]\ncaption = \"All.\"\n"
        return text
    }

    /// Evaluates the numbers part of every rule line (`lhs = formula = numbers = result`) and returns
    /// each line with its computed value, its result and the largest number in it.
    static let evaluateRules = """
        (function () {
          var sup = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-"};
          function digits(s) { return s.split("").map(function (c) { return sup[c]; }).join(""); }
          function plain(s) {
            return s.replace(/×10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g, function (m, d) { return "e" + digits(d); }).replace(/−/g, "-");
          }
          return Array.from(document.querySelectorAll('#figure-paths .readout .rule')).map(function (line) {
            var parts = line.textContent.split(" = ");
            var result = Number(plain(parts[parts.length - 1]).split(" ")[0]);
            if (parts.length < 4) return [line.textContent, result, result, Math.abs(result)];
            var e = plain(parts[2]).replace(/·/g, "*").replace(/√\\(/g, "Math.sqrt(")
              .replace(/√([0-9.]+(?:e-?[0-9]+)?)/g, "Math.sqrt($1)")
              .replace(/([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g, function (m) { return "**" + digits(m); });
            var numbers = (plain(parts[2]).match(/[0-9.]+(?:e-?[0-9]+)?/g) || []).map(Number);
            return [line.textContent, Function("return (" + e + ");")(), result, Math.max.apply(null, numbers.concat([Math.abs(result)]))];
          });
        })()
        """

    @Test func everyRuleComputesTheTracesNextValue() throws {
        let temporary = try TemporaryFolder()
        try temporary.write(Self.lesson(), to: "lessons/every-rule/lesson.toml")
        // Exact traces: the page's every-digit readout is compared with the files bit for bit.
        let outcome = try Steptrace.run(["site", "--lessons", temporary.path("lessons"), "--output", temporary.path("out"), "--exact-traces"])
        try #require(outcome.status == 0, "stderr: \(outcome.stderr)")
        let browser = try Chromium()
        defer { browser.close() }
        let tab = try browser.newTab()
        try tab.resize(width: 1280)
        try tab.open(URL(fileURLWithPath: temporary.path("out/every-rule/index.html")))
        try tab.evaluate("var d = document.querySelector('#figure-paths input.digits'); d.checked = true; d.dispatchEvent(new Event('change'))")
        for (k, run) in Self.runs.enumerated() {
            let csv = try TraceCSV(path: temporary.path("out/every-rule/traces/\(run.id).csv.gz"))
            for step in [0, 1, 2, 6] {
                let spans = try SitePageTests.readout(tab, figure: "paths", run: k, position: step)
                for span in spans {
                    #expect(Double(span.value)?.bitPattern == csv.value(span.col, row: span.row)?.bitPattern,
                            "\(run.id) step \(step): \(span.col) row \(span.row) is \(span.value)")
                }
                let lines = try tab.json(Self.evaluateRules) as? [[Any]] ?? []
                #expect(lines.count >= 2, "\(run.id) step \(step): \(lines)")
                for line in lines where step > 0 {
                    let text = line[0] as? String ?? "", computed = line[1] as? Double, result = line[2] as? Double
                    let scale = line[3] as? Double ?? 1
                    #expect(computed != nil && result != nil && abs(computed! - result!) <= 1e-12 * max(1, scale),
                            "\(run.id) step \(step): \(text) computes \(computed.map { "\($0)" } ?? "nothing")")
                }
            }
        }
        #expect(tab.problems.isEmpty, "\(tab.problems)")
    }
}
