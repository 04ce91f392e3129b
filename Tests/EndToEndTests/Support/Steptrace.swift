import Foundation
import TestSupport
import Testing

/// What one run of a program left behind.
struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: Data

    /// Stderr's lines, without the final newline.
    var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
}

/// Runs the built `steptrace` binary (and poppler's tools) the way a user would.
enum Steptrace {
    /// The repository's root, from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The repository's `lessons/` folder.
    static var lessons: String { root.appendingPathComponent("lessons").path }

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

    /// Runs a tool found on PATH (`pdfinfo`, `pdftotext`).
    static func tool(_ name: String, _ arguments: [String]) throws -> Outcome {
        try launch(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, in: root)
    }

    /// Starts `executable`, sending stdout and stderr to files so no pipe can fill up, and waits. The
    /// environment is the test's, without `SOURCE_DATE_EPOCH` and `STEPTRACE_LESSONS`, plus `environment`.
    static func launch(_ executable: URL, _ arguments: [String], in directory: URL,
                       environment extra: [String: String] = [:]) throws -> Outcome {
        let scratch = try TemporaryFolder(prefix: "steptrace-process")
        let outPath = scratch.path("stdout"), errPath = scratch.path("stderr")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SOURCE_DATE_EPOCH")
        environment.removeValue(forKey: "STEPTRACE_LESSONS")
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdoutData = FileManager.default.contents(atPath: outPath) ?? Data()
        let stderrData = FileManager.default.contents(atPath: errPath) ?? Data()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                       stderr: String(decoding: stderrData, as: UTF8.self), stdoutBytes: stdoutData)
    }
}
