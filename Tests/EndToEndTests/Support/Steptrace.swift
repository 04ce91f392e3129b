import Foundation
import TestSupport
import Testing

/// Runs the built `steptrace` binary (and poppler's tools) the way a user would.
enum Steptrace {
    /// The repository's root.
    static var root: URL { Fixtures.repositoryRoot }

    /// The repository's `lessons/` folder.
    static var lessons: String { Fixtures.shippedLessons }

    /// The `steptrace` built beside this test bundle: `swift test` builds it into the same products folder
    /// whatever the scratch path (`.build`, `.build-t`…). `STEPTRACE_BINARY` overrides.
    static let binary: String = {
        let fm = FileManager.default
        if let path = ProcessInfo.processInfo.environment["STEPTRACE_BINARY"], fm.isExecutableFile(atPath: path) { return path }
        var folders: [URL] = []
        // Linux: Bundle.main is the folder holding the test executable; macOS: the .xctest bundle inside the products folder.
        let bundle = Bundle.main.bundleURL
        folders += [bundle, bundle.deletingLastPathComponent()]
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        folders += [executable.deletingLastPathComponent(), executable.deletingLastPathComponent().deletingLastPathComponent()]
        for folder in folders {
            let candidate = folder.appendingPathComponent("steptrace").path
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        // Fall back to the newest debug build under any scratch folder of this repository.
        let scratch = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasPrefix(".build") }
        let found = scratch.map { root.appendingPathComponent($0).appendingPathComponent("debug/steptrace").path }
            .filter { fm.isExecutableFile(atPath: $0) }
        let newest = found.max { modified($0) < modified($1) }
        return newest ?? "steptrace-binary-not-found"
    }()

    private static func modified(_ path: String) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }

    /// Runs `steptrace arguments…` in the repository root (or `directory`) and waits for it.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Outcome {
        try launch(URL(fileURLWithPath: binary), arguments, in: directory ?? root, environment: environment)
    }

    /// Runs a tool found on PATH (`pdfinfo`, `pdftotext`) in the repository root.
    static func tool(_ name: String, _ arguments: [String]) throws -> Outcome {
        try Program.tool(name, arguments, in: root)
    }

    /// `Program.launch` with the test's environment less `SOURCE_DATE_EPOCH` and `STEPTRACE_LESSONS`.
    static func launch(_ executable: URL, _ arguments: [String], in directory: URL,
                       environment extra: [String: String] = [:]) throws -> Outcome {
        try Program.launch(executable, arguments, in: directory, environment: extra)
    }
}
