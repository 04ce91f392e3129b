import Foundation
import TestSupport
import Testing

/// `steptrace trace`: the seed's numbers, the CSV and JSON Lines contracts, divergence, and bad input.
@Suite("steptrace trace")
struct TraceCommandTests {
    /// Data files for every trace test, written once: the seed's four points and broken variants.
    static let data: TemporaryFolder = {
        let folder = try! TemporaryFolder(prefix: "steptrace-e2e-trace")
        removeAtExit(folder.folder)
        try! folder.write(Fixtures.seedCSV, to: "seed.csv")
        try! folder.write("x,y\n0,0\n1\n", to: "ragged.csv")
        try! folder.write("x,y\n0,0\n1,abc\n", to: "letters.csv")
        try! folder.write("x;y\n0;0\n1,5;2\n", to: "semicolons.csv")
        mkfifo(folder.path("pipe.csv"), 0o644)
        try! FileManager.default.createDirectory(atPath: folder.path("folder.csv"), withIntermediateDirectories: false)
        return folder
    }()

    static let fitModel = "(a2*x^2 + a1*x + a0)"
    static let seedStart = ["--start", "a2=1,a1=1,a0=1"]

    @Test func perSampleSeedRunEndsNearTheLearnersNumbers() throws {
        let outcome = try Steptrace.run([
            "trace", "--objective", "0.5*(y - \(Self.fitModel))^2", "--data", Self.data.path("seed.csv"),
            "--batch", "1", "--lr", "0.0005", "--epochs", "100000", "--optimizer", "sgd", "--format", "summary",
        ] + Self.seedStart)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty)
        let summary = TraceSummary(outcome.stdout)
        #expect(summary.fields["verdict"] == "max-steps")
        #expect(summary.fields["steps"] == "400000")
        let final = ["a2", "a1", "a0"].map { summary.number($0) ?? .nan }
        #expect(final.isApproximatelyEqual(to: [-1.0002, 2.5003, 0.00015], absoluteTolerance: 1e-3), "ended at \(final)")
        // Tighter than the acceptance criterion: the run is deterministic.
        #expect(final.isApproximatelyEqual(to: [-1.0001817, 2.5003131, 0.0001534], absoluteTolerance: 1e-6), "ended at \(final)")
        // The loss is over all four rows: the least-squares residual ½·(0.5² + 0.5²)/4 = 0.0625 (rows 2 and 3 share x = 1).
        #expect(abs((summary.number("loss") ?? .nan) - 0.0625) < 1e-6)
    }

    /// Per-sample rows: `loss` over all four points, `batch_loss` on the row's own point.
    @Test func perSampleCSVHasTheLossOverAllDataAndTheBatchLoss() throws {
        let outcome = try Steptrace.run([
            "trace", "--objective", "0.5*(y - \(Self.fitModel))^2", "--data", Self.data.path("seed.csv"),
            "--batch", "1", "--lr", "0.0005", "--steps", "8", "--optimizer", "sgd",
        ] + Self.seedStart)
        #expect(outcome.status == 0)
        let csv = TraceCSV(text: outcome.stdout)
        #expect(csv.header.joined(separator: ",")
            == "step,loss,batch_loss,a2,a1,a0,grad.a2,grad.a1,grad.a0,epoch,batch,lr,update.a2,update.a1,update.a0")
        // At θ₀ = (1, 1, 1) the residuals are −1, −2, −1, −6: ½·(1 + 4 + 1 + 36)/4 over all data, ½·1 on point 0.
        #expect(csv.value("loss", row: 0) == 5.25)
        #expect(csv.value("batch_loss", row: 0) == 0.5)
        #expect(csv.value("batch", row: 5) == 1)
    }

    @Test func summarySaysSaddlePoint() throws {
        let outcome = try Steptrace.run([
            "trace", "--objective", "x^2 - y^2", "--start", "x=1,y=0", "--optimizer", "sgd", "--lr", "0.1",
            "--steps", "1000", "--tolerance-grad", "1e-6", "--format", "summary",
        ])
        #expect(outcome.status == 0)
        #expect(TraceSummary(outcome.stdout).fields["verdict"] == "stopped at a saddle point: Hessian eigenvalue −2 along y")
    }

    @Test func summarySaysUnboundedBelow() throws {
        let outcome = try Steptrace.run([
            "trace", "--objective", "x^2 - y^2", "--start", "x=1,y=0.1", "--optimizer", "sgd", "--lr", "0.1",
            "--steps", "1000", "--format", "summary",
        ])
        #expect(outcome.status == 0)
        #expect(TraceSummary(outcome.stdout).fields["verdict"] == "unbounded below (loss −1.19e+06 at step 51)")
    }

    /// A summary keeps only what it prints: a million steps peak far below the ~90 MB their rows would take.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time")))
    func summaryMemoryDoesNotGrowWithTheSteps() throws {
        let outcome = try Steptrace.tool("time", [
            "-f", "peak %M", Steptrace.binary, "trace", "--objective", "0.5*(x^2 + 10*y^2)", "--start", "x=1,y=1",
            "--optimizer", "sgd", "--lr", "0.01", "--steps", "1000000", "--format", "summary",
        ])
        #expect(outcome.status == 0)
        let line = try #require(outcome.stderrLines.last { $0.hasPrefix("peak ") })
        let kilobytes = try #require(Int(line.dropFirst(5)))
        #expect(kilobytes < 60_000, "peak RSS \(kilobytes) KB")
    }

    @Test func fullBatchDescentConvergesToLeastSquares() throws {
        let outcome = try Steptrace.run([
            "trace", "--objective", "(y - \(Self.fitModel))^2", "--data", Self.data.path("seed.csv"),
            "--lr", "0.1", "--steps", "5000", "--optimizer", "sgd", "--format", "summary",
        ] + Self.seedStart)
        #expect(outcome.status == 0)
        let summary = TraceSummary(outcome.stdout)
        let final = ["a2", "a1", "a0"].map { summary.number($0) ?? .nan }
        #expect(final.isApproximatelyEqual(to: [-1, 2.5, 0], absoluteTolerance: 1e-6), "ended at \(final)")
        #expect(abs((summary.number("loss") ?? .nan) - 0.125) < 1e-9)
    }

    @Test func csvHeaderAndRowsForPlainSGD() throws {
        let outcome = try Steptrace.run([
            "trace", "--objective", "(y - \(Self.fitModel))^2", "--data", Self.data.path("seed.csv"),
            "--lr", "0.1", "--steps", "25", "--optimizer", "sgd",
        ] + Self.seedStart)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty)
        let csv = TraceCSV(text: outcome.stdout)
        #expect(csv.header.joined(separator: ",")
            == "step,loss,a2,a1,a0,grad.a2,grad.a1,grad.a0,epoch,batch,lr,update.a2,update.a1,update.a0")
        #expect(csv.rows.count == 26)
        #expect(csv.rows.allSatisfy { $0.count == csv.header.count })
        #expect(csv.column("step") == (0...25).map(Double.init))
        // Row 0 is the start and the step from it: update₀ = θ₁ − θ₀ = −η∇f(θ₀); the last row's update is 0.
        #expect(csv.rows[0][2...4] == [1, 1, 1])
        #expect(csv.value("loss", row: 0) == 10.5)
        let g0 = try #require(csv.value("grad.a2", row: 0)), a2_1 = try #require(csv.value("a2", row: 1))
        #expect(abs(a2_1 - (1 - 0.1 * g0)) < 1e-15)
        #expect(csv.value("update.a2", row: 0) == a2_1 - 1)
        #expect(csv.value("lr", row: 0) == 0.1)
        #expect(csv.value("update.a2", row: 25) == 0)
    }

    @Test(arguments: [
        (["--momentum", "0.9"], "velocity"),
        (["--momentum", "0.9", "--convention", "keras", "--nesterov"], "velocity"),
        (["--momentum", "0.9", "--convention", "pytorch"], "buffer"),
    ])
    func csvHeaderNamesTheMomentumState(flags: [String], state: String) throws {
        let outcome = try Steptrace.run([
            "trace", "--objective", "0.5*(x^2 + 10*y^2)", "--start", "x=-4,y=2", "--optimizer", "sgd",
            "--lr", "0.02", "--steps", "12",
        ] + flags)
        #expect(outcome.status == 0)
        let csv = TraceCSV(text: outcome.stdout)
        #expect(csv.header == ["step", "loss", "x", "y", "grad.x", "grad.y", "\(state).x", "\(state).y",
                               "epoch", "batch", "lr", "update.x", "update.y"])
        #expect(csv.rows.count == 13)
        #expect(csv.value("\(state).x", row: 0) == 0)
        #expect(!csv.header.contains(state == "velocity" ? "buffer.x" : "velocity.x"))
    }

    @Test(arguments: [("adagrad", ["accumulator"]), ("rmsprop", ["mean_square"]), ("adam", ["m", "v"])])
    func csvHeaderNamesEveryOptimizersState(optimizer: String, states: [String]) throws {
        let outcome = try Steptrace.run([
            "trace", "--objective", "x^2 + y^2", "--start", "x=1,y=1", "--optimizer", optimizer, "--steps", "3",
        ])
        #expect(outcome.status == 0)
        let header = TraceCSV(text: outcome.stdout).header
        let expectedStates = states.flatMap { ["\($0).x", "\($0).y"] }
        #expect(Array(header[6..<(6 + expectedStates.count)]) == expectedStates)
    }

    @Test func jsonLinesParseAsJSONWithOneObjectPerRow() throws {
        let outcome = try Steptrace.run([
            "trace", "--objective", "x^2 + y^2", "--start", "x=1,y=1", "--optimizer", "sgd", "--momentum", "0.9",
            "--lr", "0.1", "--steps", "7", "--format", "jsonl",
        ])
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 8)
        for (k, line) in lines.enumerated() {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let row = try #require(object, "line \(k) is not a JSON object")
            #expect((row["step"] as? NSNumber)?.intValue == k)
            #expect(row["velocity.x"] != nil && row["grad.y"] != nil && row["loss"] != nil)
        }
        let second = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as! [String: Any]
        #expect((second["x"] as? NSNumber)?.doubleValue == 0.8)
        #expect((second["velocity.x"] as? NSNumber)?.doubleValue == -0.2)
    }

    @Test func divergingRunExitsZeroWithADivergedVerdict() throws {
        // λmax = 10, so any η above 2/10 diverges.
        let outcome = try Steptrace.run([
            "trace", "--objective", "0.5*(x^2 + 10*y^2)", "--start", "x=1,y=1", "--optimizer", "sgd",
            "--lr", "0.25", "--steps", "500", "--format", "summary",
        ])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty)
        let verdict = TraceSummary(outcome.stdout).fields["verdict"] ?? ""
        #expect(verdict.hasPrefix("diverged at step "), "verdict: \(verdict)")
        #expect((TraceSummary(outcome.stdout).number("steps") ?? 500) < 500)
    }

    @Test func justBelowTheStabilityLimitConverges() throws {
        let outcome = try Steptrace.run([
            "trace", "--objective", "0.5*(x^2 + 10*y^2)", "--start", "x=1,y=1", "--optimizer", "sgd",
            "--lr", "0.19", "--steps", "500", "--format", "summary",
        ])
        #expect(outcome.status == 0)
        #expect(TraceSummary(outcome.stdout).fields["verdict"] == "max-steps")
        #expect((TraceSummary(outcome.stdout).number("loss") ?? 1) < 1e-10)
    }

    // MARK: bad input

    /// A bad `trace` call and the one line it must print.
    struct BadCall: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var status: Int32
        var message: String
        var testDescription: String { name }
    }

    static let base = ["trace", "--objective", "x^2 + 10*y^2", "--start", "x=1,y=2", "--optimizer", "sgd", "--steps", "5"]

    /// `base` with `flag`'s value replaced (or the flag added).
    static func with(_ flag: String, _ value: String) -> [String] {
        var arguments = base
        if let i = arguments.firstIndex(of: flag) { arguments[i + 1] = value } else { arguments += [flag, value] }
        return arguments
    }

    static var badCalls: [BadCall] {
        let folder = data.folder
        let fit = ["trace", "--objective", "(y - a*x)^2", "--start", "a=1", "--optimizer", "sgd", "--steps", "5", "--data"]
        return [
            BadCall(name: "unknown name", arguments: with("--objective", "x^2 + z"), status: 65,
                    message: "--objective: unknown name 'z' at column 7 (parameters: x, y)"),
            BadCall(name: "syntax error", arguments: with("--objective", "x^2 + * y"), status: 65,
                    message: "--objective: syntax error at column 7: expected a number, a name, '(' or '[', found '*'"),
            BadCall(name: "unclosed parenthesis", arguments: with("--objective", "(x^2 + y"), status: 65,
                    message: "--objective: syntax error at column 9: expected ')'"),
            BadCall(name: "empty expression", arguments: with("--objective", ""), status: 65,
                    message: "--objective: empty expression"),
            BadCall(name: "missing CSV", arguments: fit + ["\(folder)/missing.csv"], status: 65,
                    message: "\(folder)/missing.csv: no such file"),
            BadCall(name: "a named pipe as data", arguments: fit + ["\(folder)/pipe.csv"], status: 65,
                    message: "\(folder)/pipe.csv: is a named pipe, not a regular file"),
            BadCall(name: "a folder as data", arguments: fit + ["\(folder)/folder.csv"], status: 65,
                    message: "\(folder)/folder.csv: is a folder, not a regular file"),
            BadCall(name: "a device as data", arguments: fit + ["/dev/zero"], status: 65,
                    message: "/dev/zero: is a device, not a regular file"),
            BadCall(name: "decimal commas in a semicolon CSV", arguments: fit + ["\(folder)/semicolons.csv"], status: 65,
                    message: "\(folder)/semicolons.csv line 3, column 'x': '1,5' is not a number (fields are separated by ';'; write decimals with a point)"),
            BadCall(name: "the same box twice", arguments: base + ["--box", "x=0:1", "--box", "x=-1:2"], status: 64,
                    message: "--box: 'x' is boxed twice ('x=0:1' and 'x=-1:2'); give each parameter one box"),
            BadCall(name: "a flag given twice", arguments: base + ["--lr", "0.1", "--lr=0.2"], status: 64,
                    message: "--lr is given twice; give it once"),
            BadCall(name: "a switch given twice", arguments: base + ["--momentum", "0.5", "--nesterov", "--nesterov"], status: 64,
                    message: "--nesterov is given twice; give it once"),
            BadCall(name: "ragged CSV", arguments: fit + ["\(folder)/ragged.csv"], status: 65,
                    message: "\(folder)/ragged.csv line 3: expected 2 fields separated by ',', found 1"),
            BadCall(name: "non-numeric CSV", arguments: fit + ["\(folder)/letters.csv"], status: 65,
                    message: "\(folder)/letters.csv line 3, column 'y': 'abc' is not a number"),
            BadCall(name: "start without =", arguments: with("--start", "x1"), status: 64,
                    message: "--start: 'x1' is not NAME=VALUE (expected e.g. --start a2=1,a1=1,a0=1)"),
            BadCall(name: "start with a word", arguments: with("--start", "x=abc,y=1"), status: 64,
                    message: "--start: the value of 'x' must be a finite number, got 'abc'"),
            BadCall(name: "start given twice", arguments: with("--start", "x=1,x=2"), status: 64,
                    message: "--start: 'x' is given twice"),
            BadCall(name: "unknown optimizer", arguments: with("--optimizer", "sgdd"), status: 64,
                    message: "--optimizer: unknown optimizer 'sgdd' (expected sgd, adagrad, rmsprop or adam)"),
            BadCall(name: "zero steps", arguments: with("--steps", "0"), status: 64,
                    message: "--steps must be at least 1, got 0"),
            BadCall(name: "negative lr", arguments: base + ["--lr=-0.1"], status: 64,
                    message: "--lr: learning rate must be a finite number ≥ 0, got -0.1"),
            BadCall(name: "NaN momentum", arguments: with("--momentum", "nan"), status: 64,
                    message: "--momentum: momentum must be in [0, 1), got nan"),
            BadCall(name: "box with lo above hi", arguments: with("--box", "x=2:1"), status: 64,
                    message: "--box: the low bound 2.0 is above the high bound 1.0"),
            BadCall(name: "box on no parameter", arguments: with("--box", "q=0:1"), status: 64,
                    message: "--box: 'q' is not a parameter (parameters: x, y)"),
            BadCall(name: "unknown convention", arguments: with("--convention", "tf"), status: 64,
                    message: "--convention: unknown convention 'tf' (expected keras or pytorch)"),
            BadCall(name: "unknown schedule", arguments: with("--schedule", "cosine"), status: 64,
                    message: "--schedule: 'cosine' is not a schedule (expected constant, step:EVERY:FACTOR, exponential:RATE:STEPS or inverse-time:DECAY)"),
            BadCall(name: "schedule every 0", arguments: with("--schedule", "step:0:0.1"), status: 64,
                    message: "--schedule: EVERY must be a whole number ≥ 1, got '0'"),
            BadCall(name: "a trace past the size cap", arguments: with("--steps", "100000000"), status: 64,
                    message: "--steps: steps (100000000 steps × 9 values each) exceed the trace limit of 200 million values (about 1.6 GB); use fewer"),
            BadCall(name: "epochs without data", arguments: Array(base.dropLast(2)) + ["--epochs", "3"], status: 64,
                    message: "--epochs counts passes over --data; without data use --steps"),
            BadCall(name: "steps and epochs", arguments: base + ["--epochs", "3"], status: 64,
                    message: "give --steps or --epochs, not both"),
            BadCall(name: "no budget", arguments: Array(base.dropLast(2)), status: 64,
                    message: "give --steps N or --epochs N"),
            BadCall(name: "batch without data", arguments: with("--batch", "2"), status: 64,
                    message: "--batch needs --data"),
            BadCall(name: "rho on sgd", arguments: with("--rho", "0.9"), status: 64,
                    message: "--rho: rho does not apply to sgd"),
            BadCall(name: "a start where the loss divides by zero",
                    arguments: ["trace", "--objective", "1/x", "--start", "x=0", "--optimizer", "sgd", "--steps", "5"], status: 65,
                    message: "loss is not finite at the start (x = 0): 1/x divides by zero"),
            BadCall(name: "a start outside the logarithm's domain",
                    arguments: ["trace", "--objective", "log(x)", "--start", "x=-4", "--optimizer", "sgd", "--steps", "5"], status: 65,
                    message: "loss is not finite at the start (x = -4): log(x) of a negative number"),
            BadCall(name: "a start where the gradient is infinite",
                    arguments: ["trace", "--objective", "sqrt(x) + y^2", "--start", "x=0,y=1", "--optimizer", "sgd", "--steps", "5",
                                "--format", "jsonl"], status: 65,
                    message: "gradient of x is not finite at the start (x = 0, y = 1): sqrt(x) has an infinite slope at 0"),
            BadCall(name: "unknown format", arguments: with("--format", "xml"), status: 64,
                    message: "The value 'xml' is invalid for '--format <format>'. Please provide one of 'csv', 'jsonl' or 'summary'."),
        ]
    }

    @Test(arguments: badCalls)
    func badInputIsOneLineOnStderrAndNothingOnStdout(_ call: BadCall) throws {
        let outcome = try Steptrace.run(call.arguments)
        #expect(outcome.status == call.status)
        #expect(outcome.stdoutBytes.isEmpty, "stdout: \(outcome.stdout.prefix(200))")
        #expect(outcome.stderr == "steptrace: \(call.message)\n")
    }
}
