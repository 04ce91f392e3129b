import Foundation

/// One axis of a grid of runs (a sweep, a map, a comparison): a setting and the values it takes, in order.
public struct GridAxis: Sendable, Equatable {
    /// How the values were chosen, which decides how an axis shows them.
    public enum Spacing: Sendable, Equatable {
        /// Evenly spaced numbers from a range.
        case linear
        /// Geometrically spaced numbers from a range (a log axis).
        case log
        /// Listed one by one (numbers on a plain axis, words by name).
        case listed
    }

    /// The setting varied.
    public var setting: RunSetting
    /// Its values, in order.
    public var values: [SettingValue]
    /// How the values were chosen.
    public var spacing: Spacing

    /// An axis of listed values.
    public init(setting: RunSetting, values: [SettingValue], spacing: Spacing = .listed) {
        self.setting = setting; self.values = values; self.spacing = spacing
    }

    /// `count` values from `lower` to `upper`, both included, evenly spaced or (with `log`) geometrically:
    /// ```
    /// linear:  v_i = lower + (upper − lower) · i / (count − 1)     (multiplied first: 0.9 · 1 / 9 is 0.1)
    /// log:     v_i = lower · (upper/lower)^(i/(count − 1))
    /// ```
    /// Whole-number settings (`steps`, `epochs`, `batch`) take the values rounded, which must then
    /// differ. Throws a `RunSpecError` naming the setting for a setting that is not a number, fewer than
    /// two values, bounds that are not finite or not increasing, or a log range reaching 0 or below.
    public static func range(_ setting: RunSetting, from lower: Double, to upper: Double, count: Int, log: Bool) throws -> GridAxis {
        func fail(_ message: String) -> RunSpecError { .invalid(setting: setting, message: message) }
        let whole: Bool
        switch setting.values {
        case .number: whole = false
        case .count, .batch: whole = true
        default: throw fail("takes words, not a range of numbers; list its values instead")
        }
        guard lower.isFinite, upper.isFinite, lower < upper else {
            throw fail("range needs finite bounds with the first below the second, got \(lower) to \(upper)")
        }
        guard count >= 2 else { throw fail("range needs at least 2 values, got \(count)") }
        guard count <= RunGrid.cellLimit else {
            throw fail("range has \(count) values, more than the \(RunGrid.cellLimit) cells a grid may have; use fewer values")
        }
        if log && lower <= 0 {
            throw fail("log range cannot reach 0 or below (from \(lower) to \(upper)); start above 0 or use a linear range")
        }
        let numbers = (0..<count).map { i -> Double in
            let t = Double(i) / Double(count - 1)
            if log { return lower * pow(upper / lower, t) }
            return i == count - 1 ? upper : lower + (upper - lower) * Double(i) / Double(count - 1)
        }
        guard whole else { return GridAxis(setting: setting, values: numbers.map(SettingValue.number), spacing: log ? .log : .linear) }
        let rounded = numbers.map { Int($0.rounded()) }
        guard Set(rounded).count == rounded.count else {
            throw fail("takes whole numbers, and \(count) values from \(lower) to \(upper) repeat some; use fewer values")
        }
        return GridAxis(setting: setting, values: rounded.map(SettingValue.count), spacing: log ? .log : .linear)
    }

    /// Each value as a number, when every value is one (nil for words, schedules, starts and `full`).
    public var numbers: [Double]? {
        let numbers = values.compactMap(\.number)
        return numbers.count == values.count ? numbers : nil
    }
}

/// A grid of runs: one base run with one or two settings varied, every combination once.
public enum RunGrid {
    /// The most cells one grid may have.
    public static let cellLimit = 1_000_000

    /// The cells' run specifications, row by row: `y` value 0 with every `x` value, then `y` value 1, …
    /// (cell `j · x.count + i` has x value i and y value j; without `y`, one row).
    ///
    /// Throws a `RunSpecError` naming the axis setting when the grid would pass `cellLimit` cells,
    /// when both axes vary the same setting, or when a value cannot be set; each cell is validated by the run.
    public static func cells(base: RunSpec, x: GridAxis, y: GridAxis? = nil) throws -> [RunSpec] {
        let rows = y?.values.count ?? 1
        let (count, overflow) = x.values.count.multipliedReportingOverflow(by: rows)
        if overflow || count > cellLimit {
            let across = y == nil ? "" : "(with \(x.setting.key) across) "
            throw RunSpecError.invalid(setting: y?.setting ?? x.setting, message:
                "\(across)makes a grid of \(x.values.count) × \(rows) cells, more than the \(cellLimit) a grid may have; use fewer values")
        }
        if let y, y.setting == x.setting {
            throw RunSpecError.invalid(setting: y.setting, message: "is on both axes of the grid; vary two different settings")
        }
        // The optimizer and convention first: choosing one drops the hyperparameters it lacks, and a value
        // the other axis gives must then be refused by validation, not silently dropped.
        // The order depends on the two settings only: y goes first when it is one of those and x is not.
        let firsts: Set<RunSetting> = [.optimizer, .convention]
        let yFirst = !firsts.contains(x.setting) && y.map { firsts.contains($0.setting) } == true
        var cells: [RunSpec] = []
        cells.reserveCapacity(count)
        for j in 0..<rows {
            // The row's y value once, then each x value on a copy of it (when y goes first).
            var row = base
            if let y, yFirst { try row.set(y.setting, to: y.values[j]) }
            for value in x.values {
                var cell = row
                try cell.set(x.setting, to: value)
                if let y, !yFirst { try cell.set(y.setting, to: y.values[j]) }
                cells.append(cell)
            }
        }
        return cells
    }
}
