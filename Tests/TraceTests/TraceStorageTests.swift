import Testing
@testable import Trace

@Suite struct TraceStorageTests {
    @Test func rowsAreReadBackByColumn() {
        var trace = Trace(parameterNames: ["x", "y"], stateNames: ["m", "v"], reservingRows: 4)
        trace.append(learningRate: 0.1, loss: 5, parameters: [1, 2], gradient: [3, 4], update: [0, 0], state: [0, 0, 0, 0])
        trace.append(epoch: 1, batch: 2, learningRate: 0.05, loss: 4, parameters: [0.7, 1.6],
                     gradient: [0.1, 0.2], update: [-0.3, -0.4], state: [1, 2, 3, 4])
        #expect(trace.count == 2)
        #expect(trace.losses == [5, 4])
        #expect(trace.learningRates == [0.1, 0.05])
        #expect(trace.parameterColumn(1) == [2, 1.6])
        #expect(trace.gradientColumn(0) == [3, 0.1])
        #expect(trace.updateColumn(1) == [0, -0.4])
        #expect(trace.stateColumn("v", parameter: 0) == [0, 3])
        #expect(trace.stateColumn("velocity", parameter: 0) == nil)
        #expect(trace.value(.state(0, parameter: 1), row: 1) == 2)
        #expect(trace.epochs == [0, 1])
        #expect(trace.batches == [0, 2])
        #expect(trace.finalParameters == [0.7, 1.6])
        #expect(trace.finalLoss == 4)
        #expect(trace.stepCount == 1)
        #expect(trace.state(1, row: 1) == [3, 4])
    }

    @Test func appendingWithinCapacityKeepsStorage() {
        var trace = Trace(parameterNames: ["a", "b", "c"], stateNames: ["velocity"], reservingRows: 100)
        let bytesBefore = trace.storageBytes
        for k in 0..<100 {
            let v = Double(k)
            trace.append(learningRate: 0.01, loss: v, parameters: [v, v, v], gradient: [v, v, v], update: [v, v, v], state: [v, v, v])
        }
        #expect(trace.storageBytes == bytesBefore)
        #expect(trace.reservedRows >= 100)
    }

    /// 400,000 rows of a 3-parameter run with Adam's two state buffers (the widest row) stay well under 100 MB.
    @Test func fourHundredThousandRowsFitInMemory() {
        let rows = 400_001
        let trace = Trace(parameterNames: ["a2", "a1", "a0"], stateNames: ["m", "v"], reservingRows: rows)
        // 2 Int32 + 2 Double + 3 × (params, grads, updates, m, v) doubles per row.
        let expected = rows * (2 * 4 + 2 * 8 + 15 * 8)
        #expect(trace.storageBytes >= expected)
        #expect(trace.storageBytes < expected + 64 * 1024 * 17)
        #expect(trace.storageBytes < 60_000_000)
    }

    @Test(arguments: [
        (8.1e-9, "8.1e-09"), (1e-8, "1e-08"), (28.0, "28"), (0.0081, "0.0081"), (-1.5e6, "-1.5e+06"),
        (9.96, "10"), (0.5, "0.5"), (123.0, "1.2e+02"), (Double.nan, "nan"), (-Double.infinity, "-inf"), (0.0, "0"),
    ])
    func generalNumberText(value: Double, text: String) {
        #expect(NumberText.general(value) == text)
    }
}
