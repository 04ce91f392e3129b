import Foundation
import Testing

/// What one run of a program left behind.
public struct Outcome: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var stdoutBytes: Data

    /// Stderr's lines, without the final newline.
    public var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
}

/// Runs programs the way a user would: output to files (so no pipe can fill up), a chosen folder, and
/// the test's environment less `SOURCE_DATE_EPOCH` and `STEPTRACE_LESSONS` (so tests see the defaults).
public enum Program {
    /// Starts `executable`, sending stdout and stderr to files so no pipe can fill up, and waits. The
    /// environment is the test's, without `SOURCE_DATE_EPOCH` and `STEPTRACE_LESSONS`, plus `environment`.
    public static func launch(_ executable: URL, _ arguments: [String], in directory: URL,
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

    /// Runs a tool found on PATH (`pdfinfo`, `pdftotext`, `gzip`) in `directory` (default: the current one).
    public static func tool(_ name: String, _ arguments: [String], in directory: URL? = nil) throws -> Outcome {
        try launch(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments,
                   in: directory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// The standard output of a tool found on PATH; a failing exit fails the test, naming the command
    /// and its standard error.
    @discardableResult
    public static func output(_ name: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let outcome = try tool(name, arguments)
        #expect(outcome.status == 0, "\(name) \(arguments.joined(separator: " ")): \(outcome.stderr)", sourceLocation: sourceLocation)
        return outcome.stdout
    }
}
