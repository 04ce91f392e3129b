import Testing
import Trace

@Suite struct TraceExportTests {
    func sample(rows: Int) -> Trace {
        var trace = Trace(parameterNames: ["x", "y"], stateNames: ["m", "v"], reservingRows: rows, shuffleSeed: 3)
        var x = 0.123456789
        for k in 0..<rows {
            x = 3.99 * x * (1 - x)
            let values = [x, -x / 3, x * 1e-300, x * 1e300, Double.leastNonzeroMagnitude * Double(k % 3)]
            trace.append(epoch: Int32(k / 4), batch: Int32(k % 4), learningRate: 0.1 / Double(k + 1), loss: values[k % 5],
                         parameters: [x, -0.0], gradient: [values[(k + 1) % 5], 1 / 3], update: [values[(k + 2) % 5], x - 1],
                         state: [x * x, 2, 1e-7, values[(k + 3) % 5]])
        }
        return trace
    }

    @Test func csvHeaderOrder() {
        let trace = Trace(parameterNames: ["x", "y"], stateNames: ["velocity"])
        #expect(trace.csv() == "step,loss,x,y,grad.x,grad.y,velocity.x,velocity.y,epoch,batch,lr,update.x,update.y\n")
    }

    /// Every number parses back to the same bits, non-finite ones included.
    @Test func csvRoundTripsExactly() throws {
        var trace = sample(rows: 200)
        trace.append(epoch: 9, batch: 0, learningRate: .infinity, loss: .nan,
                     parameters: [-.infinity, .nan], gradient: [.infinity, 0], update: [0, 0], state: [0, 0, 0, 0])
        let lines = trace.csv().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == trace.count + 2)
        #expect(lines.last == "")
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(header == trace.exportColumnNames)
        for row in 0..<trace.count {
            let fields = lines[row + 1].split(separator: ",").map(String.init)
            #expect(fields.count == header.count)
            func column(_ name: String) -> String { fields[header.firstIndex(of: name)!] }
            func same(_ text: String, _ value: Double) -> Bool {
                guard let parsed = Double(text) else { return false }
                return parsed.bitPattern == value.bitPattern || (parsed.isNaN && value.isNaN)
            }
            #expect(Int(column("step")) == row)
            #expect(same(column("loss"), trace.loss(at: row)))
            #expect(same(column("lr"), trace.learningRate(at: row)))
            #expect(Int32(column("epoch")) == trace.epochs[row])
            #expect(Int32(column("batch")) == trace.batches[row])
            for (i, name) in ["x", "y"].enumerated() {
                #expect(same(column(name), trace.parameter(i, at: row)))
                #expect(same(column("grad.\(name)"), trace.gradient(i, at: row)))
                #expect(same(column("update.\(name)"), trace.update(i, at: row)))
                #expect(same(column("m.\(name)"), trace.value(.state(0, parameter: i), row: row)))
                #expect(same(column("v.\(name)"), trace.value(.state(1, parameter: i), row: row)))
            }
        }
        let last = lines[trace.count].split(separator: ",").map(String.init)
        #expect(last[1] == "nan")
        #expect(last[2] == "-inf")
        #expect(last[12] == "inf")
    }

    @Test func jsonLinesKeepTheKeyOrderAndQuoteNonFiniteNumbers() {
        var trace = Trace(parameterNames: ["x"], stateNames: [])
        trace.append(learningRate: 0.01, loss: 28, parameters: [-4], gradient: [.nan], update: [0])
        trace.append(epoch: 1, batch: 0, learningRate: 0.01, loss: .infinity, parameters: [1e-7], gradient: [-.infinity], update: [0.5])
        let text = String(decoding: trace.jsonLinesBytes(), as: UTF8.self)
        #expect(text == """
            {"step":0,"loss":28.0,"x":-4.0,"grad.x":"nan","epoch":0,"batch":0,"lr":0.01,"update.x":0.0}
            {"step":1,"loss":"inf","x":1e-07,"grad.x":"-inf","epoch":1,"batch":0,"lr":0.01,"update.x":0.5}

            """)
    }

    @Test func streamingExportMatchesTheByteExport() {
        let trace = sample(rows: 5000)
        var text = ""
        trace.writeCSV(to: &text)
        #expect(Array(text.utf8) == trace.csvBytes())
        var lines = ""
        trace.writeJSONLines(to: &lines)
        #expect(Array(lines.utf8) == trace.jsonLinesBytes())
    }

    @Test func namesWithCommasAreQuoted() {
        let trace = Trace(parameterNames: ["a,b", "c\"d"])
        #expect(trace.csv().hasPrefix("step,loss,\"a,b\",\"c\"\"d\",\"grad.a,b\""))
    }

    /// 400,000 rows export whole: every row, every column (speed is `make bench`'s to measure, not a timed test's).
    @Test func largeExportKeepsEveryRow() {
        let rows = 400_001
        var trace = Trace(parameterNames: ["a2", "a1", "a0"], reservingRows: rows)
        var x = 0.3
        for _ in 0..<rows {
            x = 3.99 * x * (1 - x)
            trace.append(learningRate: 0.0005, loss: x, parameters: [x, 1 - x, x / 7], gradient: [x * 3, x, -x], update: [1e-4 * x, -x, x])
        }
        let text = String(decoding: trace.csvBytes(), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == rows + 1)
        #expect(text.utf8.count > rows * 11 * 10)
        let width = lines[0].split(separator: ",").count
        #expect(lines.last!.split(separator: ",", omittingEmptySubsequences: false).count == width)
    }
}
