import Foundation
import TestSupport
import Testing

extension SharedReports {
    /// Runs `steptrace site` once per test process, on first use (shared by the tests that only read pages).
    static let site: Result<SharedReports, Error> = Result {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("steptrace-e2e-site-\(getpid())-\(UUID().uuidString)").path
        removeAtExit(output)
        let outcome = try Steptrace.run(["site", "--output", output])
        return SharedReports(output: output, outcome: outcome)
    }

    /// The shared `site` run, or a test failure when it failed.
    static func getSite() throws -> SharedReports {
        let shared = try site.get()
        try #require(shared.outcome.status == 0, "steptrace site failed: \(shared.outcome.stderr)")
        return shared
    }

    /// `file://` URL of `relative` in the output folder.
    func url(_ relative: String) -> URL { URL(fileURLWithPath: path(relative)) }
}
