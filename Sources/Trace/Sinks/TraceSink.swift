/// Where the run loop hands its rows: an in-memory trace, a streaming text writer, or a summary.
///
/// The loop is generic over the sink, so each kind is specialised into it and
/// a row costs only what the sink does with it. A sink is made from the
/// run's `TraceLayout`, takes every row in order, then is consumed by
/// `finish(verdict:)`, which hands back what it built.
public protocol TraceSink: ~Copyable {
    /// What the sink hands back when the run ends (a `Trace`, a `TraceSummary`, nothing).
    associatedtype Output

    /// Takes the next row; the row's buffers are valid only during the call.
    mutating func append(_ row: TraceRow)

    /// Ends the run with `verdict` and returns the result.
    consuming func finish(verdict: Verdict) -> Output

    /// Whether the sink reads `TraceRow.state` (the run loop skips copying the optimizer's state when not).
    static var readsState: Bool { get }
}

extension TraceSink where Self: ~Copyable {
    /// Sinks read the state unless they say otherwise.
    public static var readsState: Bool { true }
}
