import Foundation

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
