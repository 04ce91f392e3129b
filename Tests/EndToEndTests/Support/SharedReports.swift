import Foundation
import TestSupport
import Testing

/// One `steptrace all` run shared by every test that only reads reports (it is the slowest command).
struct SharedReports {
    /// The output folder holding `index.md` and a folder per lesson.
    var output: String
    var outcome: Outcome

    func path(_ relative: String) -> String { (output as NSString).appendingPathComponent(relative) }

    /// Runs `steptrace all` once per test process, on first use.
    static let all: Result<SharedReports, Error> = Result {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("steptrace-e2e-all-\(getpid())-\(UUID().uuidString)").path
        removeAtExit(output)
        let outcome = try Steptrace.run(["all", "--output", output])
        return SharedReports(output: output, outcome: outcome)
    }

    /// The shared run, or a test failure when it could not even start.
    static func get() throws -> SharedReports {
        let shared = try all.get()
        try #require(shared.outcome.status == 0, "steptrace all failed: \(shared.outcome.stderr)")
        return shared
    }
}
