import Engine
import Foundation

/// Progress on stderr for long runs, only when stderr is a terminal.
enum Progress {
    static let enabled = isatty(STDERR_FILENO) == 1

    /// A callback printing `label: 42%` in place, or nil when stderr is not a terminal.
    static func reporter(label: String) -> ((RunProgress) -> Void)? {
        guard enabled else { return nil }
        return { progress in
            let percent = progress.totalSteps > 0 ? 100 * progress.step / progress.totalSteps : 100
            FileHandle.standardError.write(Data("\r\(label): \(percent)%".utf8))
        }
    }

    /// Clears the progress line.
    static func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
