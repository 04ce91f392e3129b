import CairoBackend
import Engine
import Foundation
import Landing
import Lessons
import Reports

/// A user-facing failure: one line, and the exit status it deserves.
struct Failure: Error {
    var message: String
    var status: Int32

    /// A mistake in how the command was called (exit 64).
    static func usage(_ message: String) -> Failure { Failure(message: message, status: 64) }
    /// A mistake in the data, lesson or expression given (exit 65).
    static func data(_ message: String) -> Failure { Failure(message: message, status: 65) }
    /// A file that could not be written (exit 73).
    static func cannotCreate(_ message: String) -> Failure { Failure(message: message, status: 73) }
    /// A fault in steptrace itself, not in what it was given (exit 70).
    static func internalError(_ message: String) -> Failure { Failure(message: "internal error: \(message)", status: 70) }


    /// Prints `steptrace: message` on stderr and exits with `status`.
    static func report(_ message: String, status: Int32) -> Never {
        printLine(message)
        exit(status)
    }

    /// Prints `steptrace: message` on stderr, on one line.
    static func printLine(_ message: String) {
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        FileHandle.standardError.write(Data("steptrace: \(oneLine)\n".utf8))
    }
}

extension Failure {
    /// `error` as the failure it is: the one-line message every module's errors already carry,
    /// and its status by kind (65 for the lesson, expression or data given; 73 for a file not
    /// written; 70 for an error no module declares, which is steptrace's own fault).
    init(_ error: any Error) {
        switch error {
        case let failure as Failure: self = failure
        case let error as LessonError: self = .data(error.description)
        case let error as ExpressionError: self = .data(error.description)
        case let error as RunSpecError: self = .data(error.description)
        case let error as StartError: self = .data(error.description)
        case let error as DataTableError: self = .data(error.description)
        case let error as ObjectiveLookupError: self = .data(error.description)
        case let error as ReportError: self = .cannotCreate(error.message)
        case let error as RenderError: self = .cannotCreate(error.description)
        case let error as FileLanding.Failure: self = .cannotCreate("cannot write \(error.path): \(error.reason)")
        default: self = .internalError("\(error)")
        }
    }
}
