import ArgumentParser

/// `steptrace site`: every lesson's report with its web page, and a gallery page of them.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Write every lesson's report and web page, and a gallery: DIR/index.html, DIR/ID/index.html.",
        discussion: """
            The same as `steptrace all --html`. Each lesson page holds the handout's prose, tables and \
            results, its figures as inline SVG with a step scrubber on every figure that draws a path, and \
            links to the handout, figures and traces. Pages load nothing from anywhere: open them from the \
            folder or put the folder on any static host.
            """)

    @OptionGroup var options: LessonOptions
    @OptionGroup var traces: TraceFileOptions

    func run() throws {
        try AllCommand.writeAll(options: options, html: true, traces: traces)
    }
}
