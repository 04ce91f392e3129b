import Dispatch
import Foundation
import Parallelism

/// Work started on another thread now and joined later, its error handed to the joiner.
final class BackgroundJob {
    private let group = DispatchGroup()
    private let failure = Locked<Error?>(nil)

    /// Starts `work` on a global queue.
    init(_ work: @escaping @Sendable () throws -> Void) {
        let failure = self.failure
        DispatchQueue.global().async(group: group) {
            do { try work() } catch { failure.withLock { $0 = error } }
        }
    }

    /// Waits for the work and rethrows its error.
    func wait() throws {
        group.wait()
        if let failure = failure.withLock({ $0 }) { throw failure }
    }

    /// Waits for the work when an earlier step failed (so nothing writes into a folder being removed).
    func waitIgnoringErrors() {
        group.wait()
    }
}
