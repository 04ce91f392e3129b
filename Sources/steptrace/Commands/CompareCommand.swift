import ArgumentParser
import Engine
import Foundation
import Plot
import Reports

/// `steptrace compare ID --set NAME=V1,V2,… [--set NAME=…] [--run RUN]`: one run of the lesson at several
/// values of one or two settings, side by side (`--lr A,B` is `--set lr=A,B`).
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run one of a lesson's runs at several values of one or two settings: DIR/ID/compare-RUN-SETTING-A-B….png and .pdf.",
        discussion: """
            NAME is any run setting as the lesson file writes it: \(RunSetting.variableKeys.joined(separator: ", ")). \
            Values are comma-separated: numbers, words (optimizer=sgd,adam; convention=keras,pytorch; \
            nesterov=false,true; batch=full,4), schedules as --schedule writes them (schedule=constant,step:15:0.1), \
            starts in brackets (start=[-4,2],[1,1]). With two --set, the first goes down the page and the second \
            across (at most 4 values). Changing the optimizer keeps the learning rate and drops the settings \
            the new one does not have.
            """)

    @Argument(help: "A lesson id or the path of a lesson folder.")
    var lesson: String
    @Option(name: .long, help: "Learning rates, comma-separated, e.g. 0.02,0.1,0.18,0.21 (the same as --set lr=…).")
    var lr: String?
    @Option(name: .customLong("set"), help: "A setting and its values, NAME=V1,V2,… (once, or twice for a grid).")
    var settings: [String] = []
    @Option(name: .customLong("run"), help: "The run to compare (default: the first run of the first problem with a view).")
    var runID: String?
    @OptionGroup var options: LessonOptions

    func run() throws {
        let axes = try parseAxes()
        let loaded = try options.load(lesson)
        let comparison: Comparison
        do {
            comparison = try Comparison(lesson: loaded, axes: axes, run: runID)
        } catch let error as ReportError {
            // A lesson without a view is the lesson's doing; everything else is the command's.
            throw runID == nil && !error.message.hasPrefix("--") ? Failure.data(error.message) : Failure.usage(error.message)
        }
        let paper: HandoutBuilder.Paper = options.paper == .a4 ? .a4 : .letter
        let folder = (options.output as NSString).appendingPathComponent(loaded.id)
        let (png, pdf) = try reporting {
            try comparison.write(into: folder, paper: paper.size, backend: try CairoRenderBackend(),
                                 creationDate: LessonOptions.creationDate)
        }
        print("\(loaded.id): run '\(comparison.base.id)' at \(Self.count(axes)) → \(png), \(pdf)")
    }

    /// `4 rates`, `3 values of momentum`, `2 × 4 settings`.
    static func count(_ axes: [GridAxis]) -> String {
        if axes.count == 2 { return "\(axes[0].values.count) × \(axes[1].values.count) settings" }
        let n = axes[0].values.count
        if axes[0].setting == .learningRate { return n == 1 ? "1 rate" : "\(n) rates" }
        return n == 1 ? "1 value of \(axes[0].setting.key)" : "\(n) values of \(axes[0].setting.key)"
    }

    private func parseAxes() throws -> [GridAxis] {
        var axes: [GridAxis] = []
        if let lr {
            guard settings.isEmpty || !settings.contains(where: { $0.hasPrefix("lr=") }) else {
                throw Failure.usage("--lr is --set lr=…; give one of them")
            }
            axes.append(GridAxis(setting: .learningRate, values: try parseRates(lr).map(SettingValue.number)))
        }
        for item in settings { axes.append(try Self.parseSetting(item)) }
        guard !axes.isEmpty else { throw Failure.usage("give the values to compare: --set NAME=V1,V2,… or --lr A,B,…") }
        guard axes.count <= 2 else { throw Failure.usage("--set: compare varies one or two settings, got \(axes.count)") }
        if axes.count == 2, axes[0].setting == axes[1].setting {
            throw Failure.usage("--set: '\(axes[0].setting.key)' is given twice; vary two different settings")
        }
        return axes
    }

    /// `NAME=V1,V2,…` → the setting and its values, each checked for its kind.
    static func parseSetting(_ text: String) throws -> GridAxis {
        guard let equals = text.firstIndex(of: "=") else {
            throw Failure.usage("--set: '\(text)' is not NAME=V1,V2,… (expected e.g. --set momentum=0,0.5,0.9)")
        }
        let name = String(text[..<equals]), list = String(text[text.index(after: equals)...])
        let setting = try TraceArguments.variableSetting(name, flag: "--set")
        let values: [SettingValue]
        do {
            values = try RunSetting.splitList(list).map(setting.value(parsing:))
        } catch let error as RunSpecError {
            throw Failure.usage("--set: \(error.description)")
        }
        guard (1...Comparison.panelLimit).contains(values.count) else {
            throw Failure.usage("--set: give 1 to \(Comparison.panelLimit) values, got \(values.count)")
        }
        guard Set(values).count == values.count else { throw Failure.usage("--set: \(setting.key) lists a value twice") }
        return GridAxis(setting: setting, values: values)
    }

    private func parseRates(_ text: String) throws -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        let rates = try parts.map { part -> Double in
            guard let v = Double(part), v.isFinite, v > 0 else {
                throw Failure.usage("--lr: '\(part)' is not a positive learning rate (expected e.g. --lr 0.02,0.1,0.18)")
            }
            return v
        }
        guard (1...Comparison.panelLimit).contains(rates.count) else {
            throw Failure.usage("--lr: give 1 to \(Comparison.panelLimit) rates, got \(rates.count)")
        }
        return rates
    }
}
