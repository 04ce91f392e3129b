import Dispatch
import Foundation

/// Work started on another thread now and joined later, its error handed to the joiner.
final class BackgroundJob: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var failure: Error?

    /// Starts `work` on a global queue.
    init(_ work: @escaping () throws -> Void) {
        DispatchQueue.global().async(group: group) { [self] in
            do { try work() } catch { lock.lock(); failure = error; lock.unlock() }
        }
    }

    /// Waits for the work and rethrows its error.
    func wait() throws {
        group.wait()
        lock.lock(); defer { lock.unlock() }
        if let failure { throw failure }
    }

    /// Waits for the work when an earlier step failed (so nothing writes into a folder being removed).
    func waitIgnoringErrors() {
        group.wait()
    }
}
