import Testing
@testable import Trace

@Suite struct TraceRecorderTests {
    /// Rows through the recorder (across several blocks, a partial last block, past the reservation)
    /// read back exactly as rows through `Trace.append`.
    @Test(arguments: [0, 1, 5, 64, 65, 200])
    func recorderMatchesAppend(rows: Int) {
        let names = ["a", "b"], states = ["m", "v"]
        var direct = Trace(parameterNames: names, stateNames: states, reservingRows: 10)
        var recorder = TraceRecorder(Trace(parameterNames: names, stateNames: states, reservingRows: 10), blockRows: 8)
        for k in 0..<rows {
            let v = Double(k)
            let p = [v, -v], g = [v + 0.5, v - 0.5], u = [1 / (v + 1), -v], s = [v, 2 * v, 3 * v, 4 * v]
            direct.append(epoch: Int32(k / 3), batch: Int32(k % 3), learningRate: 0.1 * v, loss: v * v,
                          parameters: p, gradient: g, update: u, state: s)
            p.withUnsafeBufferPointer { p in
                g.withUnsafeBufferPointer { g in
                    u.withUnsafeBufferPointer { u in
                        s.withUnsafeBufferPointer { s in
                            recorder.append(TraceRow(epoch: Int32(k / 3), batch: Int32(k % 3), learningRate: 0.1 * v,
                                                     loss: v * v, parameters: p, gradient: g, update: u, state: s))
                        }
                    }
                }
            }
            #expect(recorder.count == k + 1)
        }
        let recorded = recorder.finish(verdict: .diverged(step: 3, reason: "test"))
        #expect(recorded.verdict == .diverged(step: 3, reason: "test"))
        #expect(recorded.count == rows)
        #expect(recorded.csvBytes() == direct.csvBytes())
        #expect(recorded.epochs == direct.epochs)
        #expect(recorded.batches == direct.batches)
        #expect(recorded.stateColumn("v", parameter: 1) == direct.stateColumn("v", parameter: 1))
    }

    /// A copy taken from a finished trace keeps its rows when the original grows (value semantics).
    @Test func finishedTraceIsAValue() {
        var recorder = TraceRecorder(Trace(parameterNames: ["x"], reservingRows: 2), blockRows: 4)
        let one: [Double] = [1]
        one.withUnsafeBufferPointer { p in
            recorder.append(TraceRow(epoch: 0, batch: 0, learningRate: 0.1, loss: 1, parameters: p, gradient: p, update: p,
                                     state: UnsafeBufferPointer(start: nil, count: 0)))
        }
        var trace = recorder.finish(verdict: .maxSteps)
        let copy = trace
        trace.append(learningRate: 0.1, loss: 2, parameters: [2], gradient: [2], update: [2])
        #expect(copy.losses == [1])
        #expect(trace.losses == [1, 2])
    }
}
