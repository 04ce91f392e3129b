import Plot
import Testing

@Suite struct TicksTests {
    @Test(arguments: [(0.13, 0.2), (0.7, 1.0), (23.0, 25.0), (4.1, 5.0), (1.0, 1.0), (0.0021, 0.0025)])
    func niceSteps(raw: Double, nice: Double) {
        #expect(abs(Ticks.niceStep(raw) - nice) <= 1e-12 * nice)
    }

    @Test func linearTicksCoverTheRangeOnANiceStep() {
        let ticks = Ticks.linear(from: -5, to: 5, target: 5)
        #expect(ticks.map(\.value) == [-5, -2.5, 0, 2.5, 5])
        #expect(ticks.map(\.label) == ["−5.0", "−2.5", "0.0", "2.5", "5.0"])
    }

    /// A narrow panel asks for two ticks; a step of 10 over −4.5…1.5 would leave 0 alone.
    @Test func twoWantedTicksAreTwoGiven() {
        #expect(Ticks.linear(from: -4.5, to: 1.5, target: 2).map(\.value) == [-2.5, 0])
        #expect(Ticks.linear(from: 0.2, to: 0.9, target: 2).count >= 2)
        #expect(Ticks.linear(from: -4.5, to: 1.5, target: 1).map(\.value) == [0])
    }

    /// Log axes label decades from the lowest one in range, with minor ticks between labels.
    @Test func logLabelsStartAtTheLowestDecade() {
        let ticks = Ticks.log(from: 1.5e-7, to: 3, target: 4)
        let labelled = ticks.filter { !$0.isMinor }.map(\.value)
        #expect(labelled.first.map { abs($0 - 1e-6) < 1e-18 } == true, "\(labelled)")
        #expect(ticks.contains { $0.isMinor && abs($0.value - 1e-5) < 1e-17 })
    }

    @Test func ticksForAnOffsetRange() {
        let ticks = Ticks.linear(from: 0.14, to: 3.86, target: 5)
        #expect(ticks.map(\.label) == ["1", "2", "3"])
    }

    @Test func labelsAvoidFloatingPointNoise() {
        let labels = Ticks.linear(from: 0, to: 0.3, target: 4).map(\.label)
        #expect(labels == ["0.0", "0.1", "0.2", "0.3"])
    }

    @Test func largeValuesUsePowersOfTen() {
        let labels = Ticks.linear(from: 0, to: 400_000, target: 3).map(\.label)
        #expect(labels == ["0", "2×10<sup>5</sup>", "4×10<sup>5</sup>"])
    }

    @Test func logTicksAreDecadesWithMinorTicks() {
        let ticks = Ticks.log(from: 1e-4, to: 10, target: 6)
        let major = ticks.filter { !$0.isMinor }
        #expect(major.map(\.value).count == 6)
        for (tick, e) in zip(major, -4...1) { #expect(abs(tick.value / pow10(e) - 1) <= 1e-12) }
        #expect(major.first?.label == "10<sup>−4</sup>")
        #expect(ticks.filter(\.isMinor).count == 40)
    }

    @Test func narrowLogRangesLabelTwoAndFive() {
        let labels = Ticks.log(from: 1, to: 50, target: 5).filter { !$0.isMinor }.map(\.label)
        #expect(labels == ["1", "2", "5", "10", "20", "50"])
    }

    @Test func logScaleMapsDecadesEvenly() {
        let s = Scale(.log, lower: 1e-3, upper: 1e3)
        #expect(abs(s.normalized(1) - 0.5) <= 1e-12)
        #expect(abs(s.value(at: 1.0 / 3) - 0.1) <= 1e-12)
        #expect(s.normalized(0).isNaN && s.normalized(-1).isNaN && s.normalized(.nan).isNaN)
    }

    private func pow10(_ e: Int) -> Double { (0..<abs(e)).reduce(1.0) { r, _ in e < 0 ? r / 10 : r * 10 } }
}
