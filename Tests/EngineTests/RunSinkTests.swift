import Engine
import Testing
import Trace

/// One run into each sink gives the same rows: the in-memory trace, the streamed text and the summary agree.
@Suite struct RunSinkTests {
    let objective = TestRowMean(values: [1, 2, 4, 8, 16])
    var spec: RunSpec {
        RunSpec(start: [0], optimizer: OptimizerSpec(kind: .adam, learningRate: 0.1), schedule: .inverseTime(decay: 0.5),
                stop: StopRules(maxSteps: 2000), batching: Batching(batchSize: 2, shuffleSeed: 3))
    }

    @Test func streamedCSVAndJSONLinesMatchTheTrace() throws {
        let trace = try run(objective, spec: spec)
        for (format, expected) in [(TraceRowWriter.Format.csv, trace.csvBytes()), (.jsonLines, trace.jsonLinesBytes())] {
            var chunks: [[UInt8]] = []
            try run(objective, spec: spec) { TextStreamSink(layout: $0, format: format) { chunks.append($0) } }
            #expect(chunks.joined().elementsEqual(expected))
        }
    }

    @Test func summaryKeepsTheLastRow() throws {
        let trace = try run(objective, spec: spec)
        let summary = try run(objective, spec: spec, into: SummarySink.init(layout:))
        #expect(summary.verdict == trace.verdict)
        #expect(summary.stepCount == trace.stepCount)
        #expect(summary.finalParameters == trace.finalParameters)
        #expect(summary.finalLoss == trace.finalLoss)
        #expect(summary.parameterNames == ["theta"])
    }
}
