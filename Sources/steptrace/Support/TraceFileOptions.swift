import ArgumentParser
import Reports

/// `--exact-traces`: the digits of the `traces/*.csv.gz` files `run`, `all` and `site` write.
struct TraceFileOptions: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(
        "Write every number in traces/*.csv.gz exactly (shortest round-trip form) instead of to 9 significant digits.",
        discussion: "Exact traces are about 3× smaller than plain CSV, rounded ones over 5×; `steptrace trace` always prints exact values."))
    var exactTraces = false

    /// `writer` set to write traces with the digits asked for.
    func configure(_ writer: ReportWriter) -> ReportWriter {
        var writer = writer
        writer.traceDigits = exactTraces ? .exact : .report
        return writer
    }
}
