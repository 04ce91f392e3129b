import Testing
@testable import Engine

/// Settings: every name derived from one case, values read as the command line writes them, set on a run,
/// and grids built from them.
@Suite("Run settings")
struct RunSettingTests {
    @Test func theLearningRateIsNamedInOnePlace() {
        let lr = RunSetting.learningRate
        #expect(lr.key == "lr" && lr.flag == "--lr" && lr.label == "learning rate" && lr.symbol == "η")
        #expect(lr.axisLabel == "learning rate η" && lr.metadataKey == "learning_rate")
        #expect(RunSetting.lossChangeTolerance.flag == "--tolerance-loss" && RunSetting.lossChangeTolerance.key == "loss_tolerance")
        #expect(RunSetting.initialAccumulator.flag == "--initial-accumulator")
        #expect(RunSetting.beta1.metadataKey == "beta_1" && RunSetting.beta1.symbol == "β₁")
    }

    @Test(arguments: RunSetting.allCases)
    func everyKeyFindsItsSetting(_ setting: RunSetting) {
        #expect(RunSetting(key: setting.key) == setting)
    }

    @Test func onlyConstraintsCannotVary() {
        #expect(RunSetting.allCases.filter { !$0.isVariable } == [.box, .simplex, .fixed])
        #expect(RunSetting(key: "learning_rate") == nil, "one spelling: the lesson key")
    }

    @Test(arguments: [
        (RunSetting.learningRate, "0.1", SettingValue.number(0.1)),
        (.steps, "250", .count(250)),
        (.nesterov, "true", .flag(true)),
        (.optimizer, "adam", .choice("adam")),
        (.batch, "full", .choice("full")),
        (.batch, " 4 ", .count(4)),
        (.schedule, "step:15:0.1", .schedule(.step(every: 15, factor: 0.1))),
        (.start, "[-4, 2]", .point([-4, 2])),
    ])
    func valuesReadAsTheCommandLineWritesThem(setting: RunSetting, text: String, value: SettingValue) throws {
        #expect(try setting.value(parsing: text) == value)
    }

    @Test(arguments: [
        (RunSetting.momentum, "abc", "momentum must be a finite number, got 'abc'"),
        (.optimizer, "sgdd", "optimizer must be one of sgd, adagrad, rmsprop, adam, got 'sgdd'"),
        (.nesterov, "yes", "nesterov must be true or false, got 'yes'"),
        (.schedule, "cosine", "schedule 'cosine' is not a schedule (expected constant, step:EVERY:FACTOR, exponential:RATE:STEPS or inverse-time:DECAY)"),
        (.start, "[1, x]", "start must be finite numbers, one per parameter, as [a, b], got '[1, x]'"),
        (.box, "1", "box cannot be varied (it names parameters)"),
    ])
    func badValuesAreOneSentence(setting: RunSetting, text: String, message: String) {
        #expect(throws: RunSpecError.invalid(setting: setting, message: String(message.dropFirst(setting.label.count + 1)))) {
            try setting.value(parsing: text)
        }
    }

    @Test func listsSplitOutsideBrackets() {
        #expect(RunSetting.splitList("[-4, 2],[1, 1]") == ["[-4, 2]", "[1, 1]"])
        #expect(RunSetting.splitList("0.1,0.2") == ["0.1", "0.2"])
    }

    static let sgd = RunSpec(start: [1, 2], optimizer: OptimizerSpec(kind: .sgd, learningRate: 0.1, momentum: 0.9, nesterov: true),
                             stop: StopRules(maxSteps: 10))

    @Test func settingAValueReachesTheSpecAndReadsBack() throws {
        var spec = Self.sgd
        for (setting, value) in [(RunSetting.learningRate, SettingValue.number(0.3)), (.steps, .count(7)), (.batch, .count(2)),
                                 (.schedule, .schedule(.inverseTime(decay: 0.1))), (.start, .point([3, 4])), (.shuffle, .count(5))] {
            try spec.set(setting, to: value)
            #expect(spec.value(of: setting) == value)
        }
        try spec.set(.epochs, to: .count(3))
        #expect(spec.stop.maxSteps == nil && spec.stop.maxEpochs == 3)
        #expect(throws: RunSpecError.self) { try spec.set(.momentum, to: .choice("adam")) }
    }

    @Test func changingTheOptimizerDropsWhatTheNewOneLacks() throws {
        var spec = Self.sgd
        try spec.set(.optimizer, to: .choice("adam"))
        #expect(spec.optimizer.kind == .adam && spec.optimizer.learningRate == 0.1)
        #expect(spec.optimizer.momentum == nil && !spec.optimizer.nesterov)
        try spec.validate()
    }

    @Test func scheduleGrammarRoundTrips() throws {
        for schedule in [Schedule.constant, .step(every: 15, factor: 0.1), .exponential(rate: 0.5, steps: 100), .inverseTime(decay: 0.01)] {
            #expect(try Schedule(parsing: schedule.compact) == schedule)
        }
        #expect(Schedule.compactPatterns == "constant, step:EVERY:FACTOR, exponential:RATE:STEPS or inverse-time:DECAY")
        #expect(throws: Schedule.SyntaxError.self) { try Schedule(parsing: "step:0:0.1") }
    }

    @Test func rangesAreEvenOrGeometricWithExactEnds() throws {
        let linear = try GridAxis.range(.momentum, from: 0, to: 0.99, count: 100, log: false)
        #expect(linear.values.first == .number(0) && linear.values.last == .number(0.99) && linear.spacing == .linear)
        let log = try GridAxis.range(.learningRate, from: 1e-5, to: 1e-2, count: 4, log: true)
        #expect(log.numbers!.map { ($0 * 1e8).rounded() / 1e8 } == [1e-5, 1e-4, 1e-3, 1e-2])
        let steps = try GridAxis.range(.steps, from: 5, to: 500, count: 30, log: true)
        #expect(steps.values.first == .count(5) && steps.values.last == .count(500))
    }

    @Test(arguments: [
        ("log", RunSetting.learningRate, -1.0, 1.0, 10, true, "log range cannot reach 0 or below (from -1.0 to 1.0); start above 0 or use a linear range"),
        ("one value", .momentum, 0, 0.5, 1, false, "range needs at least 2 values, got 1"),
        ("backwards", .momentum, 0.5, 0, 3, false, "range needs finite bounds with the first below the second, got 0.5 to 0.0"),
        ("words", .optimizer, 0, 1, 3, false, "takes words, not a range of numbers; list its values instead"),
        ("repeats", .steps, 1, 3, 10, false, "takes whole numbers, and 10 values from 1.0 to 3.0 repeat some; use fewer values"),
        ("huge", .learningRate, 1e-5, 1, 2_000_000, true, "range has 2000000 values, more than the 1000000 cells a grid may have; use fewer values"),
    ] as [(String, RunSetting, Double, Double, Int, Bool, String)])
    func badRangesAreRefused(_ name: String, setting: RunSetting, from: Double, to: Double, count: Int, log: Bool, message: String) {
        #expect(throws: RunSpecError.invalid(setting: setting, message: message)) {
            try GridAxis.range(setting, from: from, to: to, count: count, log: log)
        }
    }

    @Test func gridCellsRunAcrossThenUp() throws {
        let x = GridAxis(setting: .learningRate, values: [.number(0.1), .number(0.2), .number(0.3)])
        let y = GridAxis(setting: .momentum, values: [.number(0), .number(0.5)])
        let cells = try RunGrid.cells(base: Self.sgd, x: x, y: y)
        #expect(cells.map { $0.optimizer.learningRate! } == [0.1, 0.2, 0.3, 0.1, 0.2, 0.3])
        #expect(cells.map { $0.optimizer.momentum! } == [0, 0, 0, 0.5, 0.5, 0.5])
    }

    @Test func aValueTheOptimizerLacksIsRefusedNotDropped() throws {
        let x = GridAxis(setting: .beta1, values: [.number(0.8), .number(0.9)])
        let y = GridAxis(setting: .optimizer, values: [.choice("adam"), .choice("sgd")])
        let cells = try RunGrid.cells(base: Self.sgd, x: x, y: y)
        try cells[0].validate()
        #expect(throws: RunSpecError.notApplicable(setting: .beta1, optimizer: "sgd")) { try cells[2].validate() }
    }

    @Test func gridsPastAMillionCellsAreRefused() throws {
        let x = try GridAxis.range(.learningRate, from: 0.001, to: 1, count: 1001, log: true)
        let y = try GridAxis.range(.momentum, from: 0, to: 0.9, count: 1000, log: false)
        #expect(throws: RunSpecError.self) { try RunGrid.cells(base: Self.sgd, x: x, y: y) }
    }
}
