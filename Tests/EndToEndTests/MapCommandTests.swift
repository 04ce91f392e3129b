import Foundation
import TestSupport
import Testing

/// `map`, `lr-range` and `compare --set` through the built binary: files, reproducible cells, and one line
/// with nothing written for every bad grid or setting.
@Suite("Maps, range tests and comparisons of any setting")
struct MapCommandTests {
    static let rosenbrock = ["--objective", "(1-x)^2 + 100*(y-x^2)^2", "--start", "x=-1.5,y=2", "--optimizer", "sgd",
                             "--steps", "300"]

    @Test func mapWritesThreeFilesAndEveryCellIsATraceRun() throws {
        let temporary = try TemporaryFolder()
        let outcome = try Steptrace.run(["map"] + Self.rosenbrock + ["--grid", "lr=1e-5:3e-3:9:log", "--grid", "momentum=0:0.95:5",
                                                                     "--output", temporary.folder])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(temporary.files() == ["map.csv", "map.pdf", "map.png"])
        #expect(outcome.stdout.hasPrefix("map: 45 cells, "))
        #expect(Files.isPNG(temporary.path("map.png")) && Files.pngSize(temporary.path("map.png"))?.width == 1600)
        #expect(try Files.pdfPages(temporary.path("map.pdf")) == 1)
        #expect(try Files.pdfText(temporary.path("map.pdf")).contains("Convergence map: momentum × learning rate"))
        let rows = try String(contentsOfFile: temporary.path("map.csv"), encoding: .utf8).split(separator: "\n")
        #expect(rows.first == "lr,momentum,final_loss,verdict,steps")
        #expect(rows.count == 46)
        // A cell from each row of the grid, run again by `trace` with the settings its CSV row gives.
        for row in [rows[1], rows[13], rows[26], rows[40], rows[45]] {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let trace = try Steptrace.run(["trace"] + Self.rosenbrock + ["--lr", fields[0], "--momentum", fields[1], "--format", "summary"])
            #expect(trace.status == 0)
            let lines = trace.stdout.split(separator: "\n")
            #expect(lines.contains("loss: \(fields[2])"[...]), "cell \(row) against \(trace.stdout)")
            #expect(lines.contains("steps: \(fields[fields.count - 1])"[...]))
        }
        let all = rows.dropFirst().filter { $0.contains("diverged at step") }.count
        #expect(outcome.stdout.contains("\(all) diverged"))
    }

    @Test func aMapOverAQuadraticDrawsTheTheory() throws {
        let temporary = try TemporaryFolder()
        let outcome = try Steptrace.run(["map", "--objective", "0.5*(x^2 + 10*y^2)", "--start", "x=-4,y=2", "--optimizer", "sgd",
                                         "--steps", "100", "--grid", "lr=0.01:0.5:12:log", "--grid", "momentum=0:0.9:10",
                                         "--output", temporary.folder])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let text = try Files.pdfText(temporary.path("map.pdf"))
        #expect(text.contains("2(1 + μ)/λ"), "the stability limit is drawn and named")
        #expect(text.contains("fastest in theory"))
        #expect(text.contains("λmax = 10") || text.contains("λ\nmax"))
    }

    struct BadCall: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var message: String
        var testDescription: String { name }
    }

    static let grid = ["--grid", "lr=1e-4:1e-2:5:log", "--grid", "momentum=0:0.9:4"]
    static var badCalls: [BadCall] {
        let base = ["map"] + rosenbrock
        return [
            BadCall(name: "an unknown setting", arguments: base + ["--grid", "mass=0:1:3", "--grid", "lr=0.1:0.2:2"],
                    message: "--grid: unknown setting 'mass' (expected one of: optimizer, convention, lr, momentum, nesterov, dampening, rho, beta1, beta2, epsilon, initial_accumulator, schedule, steps, epochs, batch, shuffle, gradient_tolerance, loss_tolerance, divergence_factor, start)"),
            BadCall(name: "more than a million cells", arguments: base + ["--grid", "lr=1e-5:1e-2:2000:log", "--grid", "momentum=0:0.9:1000"],
                    message: "--grid: momentum (with lr across) makes a grid of 2000 × 1000 cells, more than the 1000000 a grid may have; use fewer values"),
            BadCall(name: "a log range through 0", arguments: base + ["--grid", "lr=0:1e-2:10:log", "--grid", "momentum=0:0.9:4"],
                    message: "--grid: learning rate log range cannot reach 0 or below (from 0.0 to 0.01); start above 0 or use a linear range"),
            BadCall(name: "beta1 for sgd", arguments: base + ["--grid", "lr=1e-4:1e-2:5:log", "--grid", "beta1=0.8:0.99:3"],
                    message: "--grid: beta1 does not apply to sgd"),
            BadCall(name: "one grid", arguments: base + ["--grid", "lr=1e-4:1e-2:5:log"],
                    message: "--grid: a map needs two, the setting across and the setting up (got 1)"),
            BadCall(name: "a fourth part that is not log", arguments: base + ["--grid", "lr=1e-4:1e-2:5:ln", "--grid", "momentum=0:0.9:4"],
                    message: "--grid: the fourth part must be 'log', got 'ln' (expected e.g. --grid lr=1e-5:1e-2:100:log)"),
            BadCall(name: "a count that is not a number", arguments: base + ["--grid", "lr=1e-4:1e-2:five", "--grid", "momentum=0:0.9:4"],
                    message: "--grid: N must be a whole number, got 'five' (expected e.g. --grid lr=1e-5:1e-2:100:log)"),
            BadCall(name: "the same setting twice", arguments: base + ["--grid", "lr=1e-4:1e-2:5:log", "--grid", "lr=0.1:0.2:2"],
                    message: "--grid: learning rate is on both axes of the grid; vary two different settings"),
            BadCall(name: "a momentum of 1", arguments: base + ["--grid", "lr=1e-4:1e-2:5:log", "--grid", "momentum=0:1:3"],
                    message: "--grid: momentum must be in [0, 1), got 1.0"),
            BadCall(name: "a bad flag beside the grid", arguments: ["map"] + rosenbrock.map { $0 == "sgd" ? "sgdd" : $0 } + grid,
                    message: "--optimizer: unknown optimizer 'sgdd' (expected sgd, adagrad, rmsprop or adam)"),
            BadCall(name: "lr-range with --lr", arguments: ["lr-range"] + rosenbrock + ["--lr", "0.1", "--from", "1e-5", "--to", "1"],
                    message: "--lr: the range test sets the rate; give --from and --to"),
            BadCall(name: "lr-range backwards", arguments: ["lr-range"] + rosenbrock + ["--from", "1", "--to", "1e-5"],
                    message: "--to must be a rate above --from (1.0), got 1e-05"),
            BadCall(name: "compare an unknown setting", arguments: ["compare", "lr-overshoot", "--set", "mass=1,2"],
                    message: "--set: unknown setting 'mass' (expected one of: optimizer, convention, lr, momentum, nesterov, dampening, rho, beta1, beta2, epsilon, initial_accumulator, schedule, steps, epochs, batch, shuffle, gradient_tolerance, loss_tolerance, divergence_factor, start)"),
            BadCall(name: "compare beta1 for sgd", arguments: ["compare", "lr-overshoot", "--set", "beta1=0.8,0.9"],
                    message: "--set: beta1 does not apply to sgd"),
            BadCall(name: "compare a word where a number goes", arguments: ["compare", "lr-overshoot", "--set", "momentum=0,fast"],
                    message: "--set: momentum must be a finite number, got 'fast'"),
            BadCall(name: "compare three settings", arguments: ["compare", "lr-overshoot", "--set", "momentum=0,0.5", "--set", "lr=0.1",
                                                                  "--set", "nesterov=true"],
                    message: "--set: compare varies one or two settings, got 3"),
            BadCall(name: "compare too many panels", arguments: ["compare", "lr-overshoot", "--set", "momentum=0,0.1,0.2,0.3", "--set", "lr=0.01,0.02,0.03,0.04"],
                    message: "--set: 4 × 4 = 16 panels, more than the 12 a page holds"),
        ]
    }

    @Test(arguments: badCalls)
    func aBadGridOrSettingIsOneLineAndWritesNothing(_ call: BadCall) throws {
        let temporary = try TemporaryFolder()
        let outcome = try Steptrace.run(call.arguments + ["--output", temporary.folder])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "steptrace: \(call.message)\n")
        #expect(temporary.entries(under: "").isEmpty)
    }

    @Test func rangeTestWritesItsFilesAndSuggestsStableRates() throws {
        let temporary = try TemporaryFolder()
        // f = 5x²: gradient descent diverges once η > 2/10.
        let outcome = try Steptrace.run(["lr-range", "--objective", "5*x^2", "--start", "x=3", "--optimizer", "sgd", "--steps", "200",
                                         "--from", "1e-4", "--to", "10", "--output", temporary.folder])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(temporary.files() == ["lr-range.csv", "lr-range.pdf", "lr-range.png"])
        let csv = try String(contentsOfFile: temporary.path("lr-range.csv"), encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "step,lr,loss,smoothed")
        let lastRate = try #require(Double(String(csv.last!.split(separator: ",")[1])))
        #expect(lastRate > 0.2, "the test stops past the stability limit")
        // "…; suggested η = A (steepest), B (minimum ÷ 10) → …": both below the limit 2/λ = 0.2.
        let suggested = try #require(outcome.stdout.components(separatedBy: "suggested η = ").last)
        let steepest = try #require(Double(suggested.components(separatedBy: " (steepest), ")[0]))
        let minimum = try #require(Double(suggested.components(separatedBy: " (steepest), ")[1].components(separatedBy: " (minimum")[0]))
        #expect(steepest > 0 && steepest < 0.2 && minimum > 0 && minimum < 0.2)
        let text = try Files.pdfText(temporary.path("lr-range.pdf"))
        #expect(text.contains("steepest") && text.contains("minimum ÷ 10"))
    }

    @Test func comparisonsOfOtherSettingsAreNamedApartAndSayTheRun() throws {
        let temporary = try TemporaryFolder()
        let first = try Steptrace.run(["compare", "momentum", "--set", "momentum=0,0.5,0.9", "--output", temporary.folder])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let second = try Steptrace.run(["compare", "momentum", "--run", "keras", "--set", "optimizer=sgd,adam", "--set", "lr=0.01,0.1",
                                        "--output", temporary.folder])
        #expect(second.status == 0, "stderr: \(second.stderr)")
        let grid = "momentum/compare-keras-optimizer-sgd-adam-lr-0.01-0.1"
        #expect(temporary.files() == [grid + ".pdf", grid + ".png",
                                      "momentum/compare-plain-momentum-0-0.5-0.9.pdf", "momentum/compare-plain-momentum-0-0.5-0.9.png"])
        #expect(first.stdout.hasPrefix("momentum: run 'plain' at 3 values of momentum → "))
        #expect(second.stdout.hasPrefix("momentum: run 'keras' at 2 × 2 settings → "))
        let text = try Files.pdfText(temporary.path(grid + ".pdf")).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("run ‘keras’ at 2 × 2 settings (optimizer × learning rate)"))
        for panel in ["sgd · η = 0.01", "sgd · η = 0.1", "adam · η = 0.01", "adam · η = 0.1"] {
            #expect(text.contains(panel), "panel \(panel)")
        }
    }
}
