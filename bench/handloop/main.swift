// The practical limit for the engine benchmark: per-sample SGD on the
// seed's quadratic fit, written by hand for this one problem, storing the
// same columns as a traced `steptrace trace` run (step, epoch, batch, lr,
// loss, parameters, gradient, update). Usage: handloop [EPOCHS]
let xs: [Double] = [0, 1, 1, 2]
let ys: [Double] = [0, 1, 2, 1]
let epochs = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 100_000 : 100_000
let lr = 0.0005
let steps = epochs * xs.count
let rows = steps + 1

var epochColumn = [Int32](); epochColumn.reserveCapacity(rows)
var batchColumn = [Int32](); batchColumn.reserveCapacity(rows)
var lrColumn = [Double](); lrColumn.reserveCapacity(rows)
var lossColumn = [Double](); lossColumn.reserveCapacity(rows)
var paramColumns = [Double](); paramColumns.reserveCapacity(rows * 3)
var gradColumns = [Double](); gradColumns.reserveCapacity(rows * 3)
var updateColumns = [Double](); updateColumns.reserveCapacity(rows * 3)

var a2 = 1.0, a1 = 1.0, a0 = 1.0
@inline(__always) func lossAndGrad(_ i: Int) -> (Double, Double, Double, Double) {
    let x = xs[i], y = ys[i]
    let r = y - (a2 * x * x + a1 * x + a0)
    return (0.5 * r * r, -r * x * x, -r * x, -r)
}

var (loss, g2, g1, g0) = lossAndGrad(0)
epochColumn.append(0); batchColumn.append(0); lrColumn.append(lr); lossColumn.append(loss)
paramColumns.append(contentsOf: [a2, a1, a0]); gradColumns.append(contentsOf: [g2, g1, g0])
updateColumns.append(contentsOf: [0, 0, 0])
for step in 1...steps {
    let d2 = -lr * g2, d1 = -lr * g1, d0 = -lr * g0
    a2 += d2; a1 += d1; a0 += d0
    let next = step % xs.count
    (loss, g2, g1, g0) = lossAndGrad(next)
    epochColumn.append(Int32(step / xs.count)); batchColumn.append(Int32(next)); lrColumn.append(lr)
    lossColumn.append(loss)
    paramColumns.append(a2); paramColumns.append(a1); paramColumns.append(a0)
    gradColumns.append(g2); gradColumns.append(g1); gradColumns.append(g0)
    updateColumns.append(d2); updateColumns.append(d1); updateColumns.append(d0)
}
print("steps \(steps) rows \(lossColumn.count) final a2=\(a2) a1=\(a1) a0=\(a0)")
