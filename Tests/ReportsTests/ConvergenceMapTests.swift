import Engine
import Foundation
import Lessons
import Plot
import Testing
@testable import Reports

/// Convergence maps: cells, hatching, the theory drawn on quadratics only, the CSV; comparisons over two settings.
@Suite("Convergence maps")
struct ConvergenceMapTests {
    static func map(objective text: String, start: [Double], base optimizer: OptimizerSpec = OptimizerSpec(kind: .sgd, learningRate: 0.1),
                    y: GridAxis) throws -> ConvergenceMap {
        let objective = try ExpressionObjective(expression: text, parameters: ["x", "y"])
        let base = RunSpec(start: start, optimizer: optimizer, stop: StopRules(maxSteps: 60))
        let x = try GridAxis.range(.learningRate, from: 0.01, to: 0.5, count: 12, log: true)
        return try ConvergenceMap.run(base: base, x: x, y: y, expression: objective)
    }

    static let momenta = try! GridAxis.range(.momentum, from: 0, to: 0.9, count: 10, log: false)

    @Test func onAQuadraticTheLimitAndTheFastestPairAreDrawn() throws {
        let map = try Self.map(objective: "0.5*(x^2 + 10*y^2)", start: [-4, 2], y: Self.momenta)
        let curvature = try #require(map.curvature)
        #expect(abs(curvature.largest - 10) < 1e-6 && abs(curvature.smallest - 1) < 1e-6)
        let marks = try #require(map.figure().panels.first).marks
        let hatch = try #require(marks.compactMap { $0 as? HatchedCells }.first)
        #expect(hatch.marked.filter { $0 }.count == map.outcomes.filter(\.verdict.isDivergence).count)
        #expect(hatch.marked.contains(true) && hatch.marked.contains(false))
        let labels = marks.flatMap(\.legendEntries).map(\.label)
        #expect(labels.contains { $0.hasPrefix("η = 2(1 + μ)/λ<sub>max</sub>") })
        #expect(labels.contains { $0.hasPrefix("fastest in theory: η = 0.2309, μ = 0.2699") })
    }

    @Test func noTheoryOffQuadraticsOrForAdam() throws {
        let rosenbrock = try Self.map(objective: "(1-x)^2 + 100*(y-x^2)^2", start: [-1.5, 2], y: Self.momenta)
        #expect(rosenbrock.curvature == nil)
        #expect(!rosenbrock.figure().panels[0].marks.contains { $0 is LineSeries })
        let betas = try GridAxis.range(.beta1, from: 0, to: 0.9, count: 4, log: false)
        let adam = try Self.map(objective: "0.5*(x^2 + 10*y^2)", start: [-4, 2], base: OptimizerSpec(kind: .adam), y: betas)
        #expect(adam.curvature != nil)
        #expect(!adam.figure().panels[0].marks.contains { $0 is LineSeries }, "the heavy-ball limit says nothing about Adam")
    }

    @Test func aGridOverTheBudgetGetsAStraightLimit() throws {
        let steps = try GridAxis.range(.steps, from: 5, to: 80, count: 6, log: true)
        let map = try Self.map(objective: "0.5*(x^2 + 10*y^2)", start: [-4, 2], y: steps)
        let line = try #require(map.figure().panels[0].marks.compactMap { $0 as? LineSeries }.first)
        #expect(line.xs.count == 2 && line.xs[0] == line.xs[1] && abs(line.xs[0] - log10(0.2)) < 1e-9)
        #expect(line.label == "η = 2/λ<sub>max</sub> = 0.2 (theory)")
    }

    @Test func theCSVHasOneRowPerCellAcrossThenUp() throws {
        let map = try Self.map(objective: "0.5*(x^2 + 10*y^2)", start: [-4, 2], y: Self.momenta)
        let rows = String(decoding: map.csv, as: UTF8.self).split(separator: "\n")
        #expect(rows.count == 1 + 120 && rows[0] == "lr,momentum,final_loss,verdict,steps")
        #expect(rows[1].hasPrefix("0.01,0.0,") && rows[13].hasPrefix("0.01,0.1,"))
        #expect(rows[12].hasPrefix("0.5,0.0,\(map.outcomes[11].finalLoss),"))
    }

    @Test func aComparisonOverTwoSettingsHasAPanelPerPairAndNamesEveryValue() throws {
        let optimizers = GridAxis(setting: .optimizer, values: [.choice("sgd"), .choice("adam")])
        let rates = GridAxis(setting: .learningRate, values: [.number(0.01), .number(0.1), .number(0.2)])
        var comparison = try Comparison(lesson: try SmallLessons.bowl(), axes: [optimizers, rates])
        comparison.resolution = 30
        #expect(comparison.fileStem == "compare-keras-optimizer-sgd-adam-lr-0.01-0.1-0.2")
        #expect(comparison.title == "A small bowl: run ‘keras’ at 2 × 3 settings (optimizer × learning rate)")
        let canvas = RecordingCanvas()
        try comparison.page(paper: HandoutBuilder.Paper.a4.size, canvas: RecordingCanvas()).draw(in: canvas)
        for panel in ["sgd · η = 0.01", "sgd · η = 0.2", "adam · η = 0.01", "adam · η = 0.2"] {
            #expect(canvas.dump.contains(panel), "panel \(panel)")
        }
        #expect(throws: ReportError.self) {
            try Comparison(lesson: try SmallLessons.bowl(), axes: [GridAxis(setting: .beta1, values: [.number(0.9)])])
        }
    }
}
