import ArgumentParser
import CairoBackend
import Foundation
import Plot
import Reports

/// `steptrace compare ID --lr A,B,C [--run RUN]`: one run of the lesson at several rates, side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run one of a lesson's runs at several learning rates: DIR/ID/compare-RUN-lr-A-B….png and .pdf.")

    @Argument(help: "A lesson id or the path of a lesson folder.")
    var lesson: String
    @Option(name: .long, help: "Learning rates, comma-separated, e.g. 0.02,0.1,0.18,0.21.")
    var lr: String
    @Option(name: .customLong("run"), help: "The run to compare (default: the first run of the first problem with a view).")
    var runID: String?
    @OptionGroup var options: LessonOptions

    func run() throws {
        let rates = try parseRates(lr)
        let loaded = try options.load(lesson)
        let comparison: RateComparison
        do {
            comparison = try RateComparison(lesson: loaded, rates: rates, run: runID)
        } catch let error as ReportError {
            throw runID == nil ? Failure.data(error.message) : Failure.usage(error.message)
        }
        let paper: HandoutBuilder.Paper = options.paper == .a4 ? .a4 : .letter
        let page = try reporting { try comparison.page(paper: paper.size, canvas: try CairoRenderBackend().measuringCanvas()) }
        let folder = (options.output as NSString).appendingPathComponent(loaded.id)
        try reporting { try FileOutput.makeFolder(folder) }
        let png = (folder as NSString).appendingPathComponent(comparison.fileStem + ".png")
        let pdf = (folder as NSString).appendingPathComponent(comparison.fileStem + ".pdf")
        try reporting {
            try CairoWriter.pngAndPDF(page, png: png, pixelWidth: 1600, pdf: pdf,
                                      title: comparison.title, creationDate: LessonOptions.creationDate)
        }
        let count = rates.count == 1 ? "1 rate" : "\(rates.count) rates"
        print("\(loaded.id): run '\(comparison.base.id)' at \(count) → \(png), \(pdf)")
    }

    private func parseRates(_ text: String) throws -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        let rates = try parts.map { part -> Double in
            guard let v = Double(part), v.isFinite, v > 0 else {
                throw Failure.usage("--lr: '\(part)' is not a positive learning rate (expected e.g. --lr 0.02,0.1,0.18)")
            }
            return v
        }
        guard (1...12).contains(rates.count) else { throw Failure.usage("--lr: give 1 to 12 rates, got \(rates.count)") }
        return rates
    }
}
