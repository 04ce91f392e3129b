import Dispatch
import Foundation

/// Independent work spread over the machine's cores: the one helper every parallel loop uses.
public enum Parallel {
    /// `body(i)` for every i in `0..<count`, spread over the cores, the results in index order.
    ///
    /// `order` (a permutation of the indices) says which to start first, so the largest jobs can go
    /// first and the cores finish together; it never changes the result. Every job runs even when one
    /// fails; then the error of the lowest failing index is thrown.
    ///
    /// `body` need not be `Sendable` (it captures objectives, whose scratch memory is not), which is why
    /// the jobs see it, and the result buffers, through a `Transfer`. That is safe because each job
    /// writes only its own slot of the result and error buffers, and `concurrentPerform` returns only
    /// after every job has finished; `body` must not share mutable state between indices (objectives
    /// own scratch memory: make one per job or per `chunk`).
    public static func map<T>(_ count: Int, order: [Int]? = nil, _ body: (Int) throws -> T) throws -> [T] {
        precondition(order.map { $0.count == count } ?? true, "order must list every index once")
        var results = [T?](repeating: nil, count: count)
        var failures = [Error?](repeating: nil, count: count)
        withoutActuallyEscaping(body) { body in
            results.withUnsafeMutableBufferPointer { resultSlots in
                failures.withUnsafeMutableBufferPointer { failureSlots in
                    let jobs = Transfer((body: body, results: resultSlots, failures: failureSlots))
                    DispatchQueue.concurrentPerform(iterations: count) { k in
                        let i = order?[k] ?? k
                        do { jobs.value.results[i] = try jobs.value.body(i) } catch { jobs.value.failures[i] = error }
                    }
                }
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        return results.map { $0! }
    }

    /// `body(range)` for consecutive ranges of `0..<count`, about two per core, in parallel; the ranges'
    /// results in order. For jobs too small to be worth one task each (the cells of a map): `body` makes
    /// its scratch (an objective copy) once per range.
    public static func chunks<T>(_ count: Int, _ body: (Range<Int>) throws -> T) throws -> [T] {
        let pieces = max(1, min(count, 2 * ProcessInfo.processInfo.activeProcessorCount))
        let bounds = (0...pieces).map { count * $0 / pieces }
        return try map(pieces) { try body(bounds[$0]..<bounds[$0 + 1]) }
    }
}
