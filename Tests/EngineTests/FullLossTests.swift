@testable import Engine
import Testing
import Trace

/// The `loss` column is f over all the data at θ_k; `batch_loss` is the loss of the batch whose gradient the row holds.
@Suite struct FullLossTests {
    let objective = TestRowMean(values: [1, 2, 4, 8, 16])

    func spec(batch: Int?, steps: Int = 12) -> RunSpec {
        RunSpec(start: [0], optimizer: OptimizerSpec(kind: .sgd, learningRate: 0.1), stop: StopRules(maxSteps: steps),
                batching: Batching(batchSize: batch))
    }

    @Test func perSampleRowsHoldTheLossOverAllDataAndTheBatchLoss() throws {
        let trace = try run(objective, spec: spec(batch: 1))
        let batchLosses = try #require(trace.batchLosses)
        #expect(trace.hasBatchLoss && trace.lossStride == 1)
        #expect(trace.exportColumnNames.prefix(3) == ["step", "loss", "batch_loss"])
        for k in 0..<trace.count {
            let theta = trace.parameters(row: k)
            #expect(trace.loss(at: k) == objective.lossValue(at: theta, rows: objective.allRows), "loss over all data at row \(k)")
            #expect(batchLosses[k] == objective.lossValue(at: theta, rows: [k % 5]), "batch loss at row \(k)")
        }
        #expect(trace.metadata("loss") == "over all data at every step; batch_loss on the step's batch")
    }

    @Test func fullBatchRunsHaveNoBatchLoss() throws {
        let trace = try run(objective, spec: spec(batch: nil))
        #expect(trace.batchLosses == nil)
        #expect(!trace.exportColumnNames.contains("batch_loss"))
        #expect(trace.metadata("loss") == nil)
        #expect(trace.loss(at: 3) == objective.lossValue(at: trace.parameters(row: 3), rows: objective.allRows))
    }

    @Test func strideKeepsTheCostNearTheBudget() {
        #expect(RunPlan.lossStride(rows: 4, steps: 400_000) == 1)
        #expect(RunPlan.lossStride(rows: 10_000, steps: 9_999) == 1)
        #expect(RunPlan.lossStride(rows: 10_000, steps: 10_000) == 2)
        #expect(RunPlan.lossStride(rows: 1000, steps: 1_000_000) == 11)
    }

    /// 10,000 rows × 10,001 rows of trace pass 10⁸: the loss over all data is evaluated every 2nd row and on the last.
    @Test func aLongRunEvaluatesTheFullLossEveryKthRowAndSaysSo() throws {
        let wide = TestRowMean(values: (0..<10_000).map { Double($0 % 7) })
        let trace = try run(wide, spec: spec(batch: 1, steps: 10_001))
        #expect(trace.lossStride == 2)
        #expect(trace.exactLossRows.prefix(3) == [0, 2, 4])
        #expect(trace.exactLossRows.last == 10_001)
        #expect(trace.loss(at: 1).isNaN && !trace.isLossExact(row: 1))
        #expect(trace.loss(at: 10_001) == wide.lossValue(at: trace.parameters(row: 10_001), rows: wide.allRows))
        #expect(trace.lossLabel == "loss over all data, every 2nd step")
        #expect(trace.metadata("loss")?.hasPrefix("over all data every 2 steps and at the last step") == true)
        let lines = trace.csv().split(separator: "\n")
        #expect(lines[2].hasPrefix("1,,"), "an unevaluated loss is an empty field, got \(lines[2])")
    }
}
