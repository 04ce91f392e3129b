import ArgumentParser
import CairoBackend
import Foundation
import Reports

/// `steptrace compare ID --lr A,B,C`: the lesson's problem at several rates, side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run a lesson's problem at several learning rates: DIR/ID/compare-lr.png and .pdf.")

    @Argument(help: "A lesson id or the path of a lesson folder.")
    var lesson: String
    @Option(name: .long, help: "Learning rates, comma-separated, e.g. 0.02,0.1,0.18,0.21.")
    var lr: String
    @OptionGroup var options: LessonOptions

    func run() throws {
        let rates = try parseRates(lr)
        let loaded = try options.load(lesson)
        let comparison = RateComparison(lesson: loaded, rates: rates)
        let page = try reporting { try comparison.page() }
        let folder = (options.output as NSString).appendingPathComponent(loaded.id)
        try reporting { try FileOutput.makeFolder(folder) }
        let png = (folder as NSString).appendingPathComponent("compare-lr.png")
        let pdf = (folder as NSString).appendingPathComponent("compare-lr.pdf")
        try reporting {
            try CairoWriter.pngAndPDF(page, png: png, pixelWidth: 1600, pdf: pdf,
                                      title: "\(loaded.title): learning rates", creationDate: LessonOptions.creationDate)
        }
        print("\(loaded.id): \(rates.count) rates → \(png), \(pdf)")
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
