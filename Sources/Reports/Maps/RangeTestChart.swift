import Engine
import Foundation
import Lessons
import Plot
import Trace

/// The learning-rate range test as a chart: loss against rate on a log axis, the smoothed loss solid over
/// the raw losses (faint), the two suggested rates marked.
public struct RangeTestChart {
    /// The test, read from its run.
    public var test: RangeTest
    /// The rates the test was to grow through.
    public var from: Double, to: Double

    /// Runs the test from `base` on `objective` and reads it.
    public static func run(base: RunSpec, from: Double, to: Double, objective: ProblemObjective) throws -> RangeTestChart {
        let spec = RangeTest.spec(base: base, from: from, to: to)
        let trace = try objective.run(spec)
        let losses = trace.batchLosses ?? trace.values(.loss)
        let test = RangeTest(rates: trace.learningRates, losses: losses, plannedSteps: spec.stop.maxSteps ?? trace.stepCount)
        return RangeTestChart(test: test, from: from, to: to)
    }

    /// The chart.
    public var figure: Figure {
        var marks: [any Mark] = []
        let faint = SeriesStyle(color: Color(hex: 0xA8A8A8), lineWidth: 0.8, marker: .none)
        marks.append(LineSeries(xs: test.rates, ys: test.losses, label: "loss at each step", style: faint))
        let solid = SeriesStyle(color: Color(hex: 0x0072B2), lineWidth: 1.8, marker: .none)
        marks.append(LineSeries(xs: test.rates, ys: test.smoothed, label: "smoothed (β = \(NumberFormat.short(RangeTest.smoothing)))", style: solid))
        if let k = test.steepest, let rate = test.steepestRate {
            marks.append(ReferenceLine(.vertical, at: rate, label: "steepest: η = \(NumberFormat.short(rate))",
                                       stroke: StrokeStyle(width: 1.2, color: Color(hex: 0xD55E00), dash: [5, 3])))
            marks.append(Scatter([DataPoint(rate, test.smoothed[k])], label: "steepest descent",
                                 style: SeriesStyle(color: Color(hex: 0xD55E00), marker: .circle, markerSize: 7)))
        }
        if let m = test.minimum, let rate = test.minimumRate {
            marks.append(ReferenceLine(.vertical, at: rate, label: "minimum ÷ 10: η = \(NumberFormat.short(rate))",
                                       stroke: StrokeStyle(width: 1.2, color: Color(hex: 0x009E73), dash: [1.5, 2.5])))
            marks.append(Scatter([DataPoint(test.rates[m], test.smoothed[m])], label: "lowest smoothed loss",
                                 style: SeriesStyle(color: Color(hex: 0x009E73), marker: .diamond, markerSize: 7)))
        }
        // The smoothed curve sets the loss axis; raw losses far above or below it are clipped rather than flattening it.
        let finite = test.smoothed.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        let spacing = ValueAxis.spacing(of: [low, high])
        let range = spacing == .log ? (low / 1.5)...(high * 1.5) : (low - 0.05 * (high - low))...(high + 0.1 * (high - low))
        let panel = Panel(x: Axis("learning rate η (log scale)", spacing: .log, range: from...to),
                          y: Axis(ValueAxis.label("loss", spacing), spacing: spacing, range: range), marks: marks)
        return Figure(panel)
    }

    /// What the chart shows and how the rates were suggested, as markup.
    public var caption: String {
        var text = "One run of \(test.rates.count - 1) steps whose rate grows by the same factor every step, from \(NumberFormat.short(from)) to \(NumberFormat.short(to)). "
        text += "The faint line is each step's loss, the solid one its running average (β = \(NumberFormat.short(RangeTest.smoothing)), corrected for its start at 0). "
        if test.stoppedEarly {
            text += "The test stopped at η = \(NumberFormat.short(test.rates.last!)), once the smoothed loss passed \(NumberFormat.short(RangeTest.stopFactor)) times its best. "
        }
        switch (test.steepestRate, test.minimumRate) {
        case let (steep?, minimum?):
            text += "Suggested rates: η = \(NumberFormat.short(steep)), where the smoothed loss falls fastest against log η, and η = \(NumberFormat.short(minimum)), a tenth of the rate at its lowest point (as fastai's lr_find)."
        default:
            text += "Too few steps were left to suggest a rate; use more steps or a wider range."
        }
        return text
    }

    /// One CSV row per step: step, rate, loss, smoothed loss (numbers round-trip).
    public var csv: [UInt8] {
        var text = "step,lr,loss,smoothed\n"
        for k in test.rates.indices { text += "\(k),\(test.rates[k]),\(test.losses[k]),\(test.smoothed[k])\n" }
        return Array(text.utf8)
    }

    /// The chart and its caption on an A4-wide page headed by `title` and `subtitle`.
    public func page(title: String, subtitle: String, canvas: Canvas) -> Page {
        var sheet = Sheet(pageWidth: Size.a4.width, title: title, subtitle: subtitle, canvas: canvas)
        sheet.add(figure, height: sheet.width * 0.62)
        sheet.addCaption(caption, canvas: canvas)
        return sheet.page()
    }

    /// Writes `folder/lr-range.png` (1600 pixels wide), `.pdf` and `.csv`; returns the three paths.
    public func write(into folder: String, title: String, subtitle: String, backend: any RenderBackend, creationDate: Int) throws -> [String] {
        let page = self.page(title: title, subtitle: subtitle, canvas: backend.measuringCanvas())
        try FileOutput.makeFolder(folder)
        let paths = ["lr-range.png", "lr-range.pdf", "lr-range.csv"].map { (folder as NSString).appendingPathComponent($0) }
        try FileOutput.write(csv, to: paths[2])
        try backend.writePage(page, png: paths[0], pixelWidth: 1600, pdf: paths[1], title: title, creationDate: creationDate)
        return paths
    }
}
