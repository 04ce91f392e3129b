import Foundation

/// A value shared between threads, every access holding one lock.
///
/// With `Transfer` and `Parallel`, the only place in steptrace that asks the compiler to trust it
/// about concurrency (`@unchecked Sendable`). It is safe because `value` is private and read or
/// written only inside `withLock`, which holds `lock` for the whole access, and because `Value` is
/// itself `Sendable`, so nothing handed out of the lock can be raced on afterwards.
/// (The standard library's `Mutex` does the same, but needs macOS 15; the package supports macOS 13.)
public final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// A lock around `value`.
    public init(_ value: Value) { self.value = value }

    /// Runs `body` on the value with the lock held and returns what it returns.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// A value handed from one thread to another that the compiler cannot prove safe to send: raw
/// memory, or a closure or buffer used under a rule the type system does not see.
///
/// Every use names that rule beside it. Today: `Parallel.map` (each job writes only its own slot and
/// the call returns after every job ends) and the gzip writer (a chunk's memory belongs to the one
/// worker it is handed to; the writing thread never touches it again).
public struct Transfer<Value>: @unchecked Sendable {
    /// The value sent.
    public let value: Value
    /// Wraps `value` for sending under a rule stated at the call site.
    public init(_ value: Value) { self.value = value }
}
