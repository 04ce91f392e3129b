import ArgumentParser
import CairoBackend
import Engine
import Foundation
import Lessons
import Plot
import Reports

/// `steptrace map`: `trace`'s run over a grid of two settings, every cell's end kept (not its trace).
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Run one optimizer over a grid of two settings: DIR/map.png, map.pdf and map.csv.",
        discussion: """
            Takes trace's flags for the base run, and --grid twice: the setting across, then the setting up. \
            NAME=LO:HI:N gives N evenly spaced values from LO to HI, NAME=LO:HI:N:log geometrically spaced ones; \
            NAME=V1,V2,… lists them (words too: optimizer=sgd,adam). NAME is any setting --set takes in compare. \
            map.csv holds one row per cell (the two settings, the final loss, the verdict, the steps taken), and \
            steptrace trace with a row's settings ends at the same loss, bit for bit. The cells run on every core.
            """)

    @OptionGroup var flags: RunFlags
    @Option(name: .customLong("grid"), help: "NAME=LO:HI:N[:log] or NAME=V1,V2,…; twice (across, then up).")
    var grids: [String] = []
    @Option(name: .long, help: "What the colors show: final-loss (default) or steps (the steps a stop rule needed).")
    var show: ConvergenceMap.Quantity = .finalLoss
    @Option(name: .long, help: "The folder map.png, map.pdf and map.csv are written into.")
    var output: String = "output"

    func run() throws {
        guard grids.count == 2 else {
            throw Failure.usage("--grid: a map needs two, the setting across and the setting up (got \(grids.count))")
        }
        // The fonts load on another core while the cells are set up and run.
        let fonts = FontWarmUp()
        let x = try Self.parseGrid(grids[0]), y = try Self.parseGrid(grids[1])
        let (objective, base) = try flags.objectiveAndSpec()
        let map: ConvergenceMap
        do {
            map = try ConvergenceMap.run(base: base, x: x, y: y, expression: objective)
        } catch let error as RunSpecError {
            let gridSettings = [x.setting, y.setting]
            throw Failure.usage(gridSettings.contains(error.setting) ? "--grid: \(error.description)" : TraceArguments.flagMessage(error))
        } catch let error as StartError {
            throw Failure.data(error.description)
        }
        let start = zip(objective.parameterNames, base.start).map { "\($0) = \(NumberFormat.short($1))" }.joined(separator: ", ")
        let sheet = MapSheet(map: map, quantity: show, problem: "f = \(TextStyle.escape(flags.objective)) from \(TextStyle.escape(start))")
        fonts.wait()
        let paths = try reporting {
            try sheet.write(into: output, backend: try CairoRenderBackend(), creationDate: LessonOptions.creationDate)
        }
        let diverged = map.outcomes.filter(\.verdict.isDivergence).count
        print("map: \(map.outcomes.count) cells, \(diverged) diverged → \(paths.joined(separator: ", "))")
    }

    /// `NAME=LO:HI:N[:log]` or `NAME=V1,V2,…` → one axis of the grid.
    static func parseGrid(_ text: String) throws -> GridAxis {
        let example = "expected e.g. --grid lr=1e-5:1e-2:100:log"
        guard let equals = text.firstIndex(of: "=") else { throw Failure.usage("--grid: '\(text)' is not NAME=LO:HI:N[:log] (\(example))") }
        let setting = try TraceArguments.variableSetting(String(text[..<equals]), flag: "--grid")
        let spec = String(text[text.index(after: equals)...])
        do {
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            let ranged = setting.values != .schedule && (parts.count == 3 || parts.count == 4) && !spec.contains(",")
            guard ranged else {
                let values = try RunSetting.splitList(spec).map(setting.value(parsing:))
                guard values.count >= 2, Set(values).count == values.count else {
                    throw Failure.usage("--grid: \(setting.key) needs at least 2 different values, got '\(spec)'")
                }
                return GridAxis(setting: setting, values: values)
            }
            guard let lo = Double(parts[0]), let hi = Double(parts[1]) else {
                throw Failure.usage("--grid: '\(spec)' does not start with two numbers LO:HI (\(example))")
            }
            guard let count = Int(parts[2]) else { throw Failure.usage("--grid: N must be a whole number, got '\(parts[2])' (\(example))") }
            guard parts.count == 3 || parts[3] == "log" else {
                throw Failure.usage("--grid: the fourth part must be 'log', got '\(parts[3])' (\(example))")
            }
            return try GridAxis.range(setting, from: lo, to: hi, count: count, log: parts.count == 4)
        } catch let error as RunSpecError {
            throw Failure.usage("--grid: \(error.description)")
        }
    }
}

extension FigureSpec.MapQuantity: ExpressibleByArgument {}
