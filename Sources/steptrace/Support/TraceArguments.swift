import Engine
import Trace

/// Parsers for the compact flag values of `steptrace trace`, each failing with one usage line.
enum TraceArguments {
    /// `a=1,b=-2.5` → names and values, in order.
    static func parseStart(_ text: String) throws -> ([String], [Double]) {
        var names: [String] = [], values: [Double] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw Failure.usage("--start: '\(item)' is not NAME=VALUE (expected e.g. --start a2=1,a1=1,a0=1)")
            }
            let name = parts[0].trimmingSpaces(), valueText = parts[1].trimmingSpaces()
            guard isIdentifier(name) else { throw Failure.usage("--start: '\(name)' is not a valid parameter name") }
            guard !names.contains(name) else { throw Failure.usage("--start: '\(name)' is given twice") }
            guard let value = Double(valueText), value.isFinite else {
                throw Failure.usage("--start: the value of '\(name)' must be a finite number, got '\(valueText)'")
            }
            names.append(name); values.append(value)
        }
        return (names, values)
    }

    /// `b=-100:100` → a box on parameter b.
    static func parseBox(_ text: String, names: [String]) throws -> Constraints.Box {
        let parts = text.split(separator: "=", omittingEmptySubsequences: false)
        let bounds = parts.count == 2 ? parts[1].split(separator: ":", omittingEmptySubsequences: false) : []
        guard parts.count == 2, bounds.count == 2, let lo = Double(bounds[0]), let hi = Double(bounds[1]),
              !lo.isNaN, !hi.isNaN else {
            throw Failure.usage("--box: '\(text)' is not NAME=LO:HI (expected e.g. --box b=-100:100)")
        }
        guard let index = names.firstIndex(of: String(parts[0])) else {
            throw Failure.usage("--box: '\(parts[0])' is not a parameter (parameters: \(names.joined(separator: ", ")))")
        }
        guard lo <= hi else { throw Failure.usage("--box: the low bound \(lo) is above the high bound \(hi)") }
        return Constraints.Box(index: index, lower: lo, upper: hi)
    }

    /// Every `--box`, each parameter at most once: a second box for the same name is a mistake,
    /// not a silent replacement.
    static func parseBoxes(_ items: [String], names: [String]) throws -> [Constraints.Box] {
        var boxes: [Constraints.Box] = []
        for (k, item) in items.enumerated() {
            let box = try parseBox(item, names: names)
            if let earlier = boxes.firstIndex(where: { $0.index == box.index }) {
                throw Failure.usage("--box: '\(names[box.index])' is boxed twice ('\(items[earlier])' and '\(items[k])'); give each parameter one box")
            }
            boxes.append(box)
        }
        return boxes
    }

    /// `a1,a2,a3` → their indices.
    static func parseSimplex(_ text: String, names: [String]) throws -> [Int] {
        let group = try text.split(separator: ",", omittingEmptySubsequences: false).map { name -> Int in
            guard let i = names.firstIndex(of: String(name)) else {
                throw Failure.usage("--simplex: '\(name)' is not a parameter (parameters: \(names.joined(separator: ", ")))")
            }
            return i
        }
        guard group.count >= 2, Set(group).count == group.count else {
            throw Failure.usage("--simplex needs two or more different parameters")
        }
        return group
    }

    /// `constant`, `step:EVERY:FACTOR`, `exponential:RATE:STEPS`, `inverse-time:DECAY` (`Schedule(parsing:)`).
    static func parseSchedule(_ text: String) throws -> Schedule {
        do { return try Schedule(parsing: text) } catch { throw Failure.usage("\(RunSetting.schedule.flag): \(error.message)") }
    }

    /// The setting `name` names (its lesson-file key) for `--set` or `--grid`; one usage line when it names
    /// none or one that cannot vary.
    static func variableSetting(_ name: String, flag: String) throws -> RunSetting {
        guard let setting = RunSetting(key: Substring(name).trimmingSpaces()) else {
            throw Failure.usage("\(flag): unknown setting '\(name)' (expected one of: \(RunSetting.variableKeys.joined(separator: ", ")))")
        }
        guard setting.isVariable else {
            throw Failure.usage("\(flag): '\(name)' names parameters and cannot be varied (expected one of: \(RunSetting.variableKeys.joined(separator: ", ")))")
        }
        return setting
    }

    /// An engine validation error, phrased with the flag's name.
    static func flagMessage(_ error: RunSpecError) -> String {
        "\(error.setting.flag): \(error.description)"
    }

    /// The `summary` format: verdict, steps, final parameters and loss.
    static func summary(_ summary: TraceSummary) -> String {
        var text = "verdict: \(summary.verdict)\nsteps: \(summary.stepCount)\n"
        for (name, value) in zip(summary.parameterNames, summary.finalParameters) {
            text += "\(name): \(value)\n"
        }
        return text + "loss: \(summary.finalLoss)\n"
    }

    private static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.first, first.isLetter || first == "_" else { return false }
        return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
