// The practical limit for the engine benchmark (bench/run.sh): per-sample SGD on the seed's quadratic
// fit, written by hand for this one problem, computing the columns of a traced `steptrace trace` run with
// `--batch 1` (epoch, batch, lr, the loss over all four points, the batch loss, then θ, ∇f and the update
// per parameter: thirteen columns) and keeping them in Swift arrays reserved up front, as an in-memory
// trace does. Row k holds θ_k and the step from it (θ_{k+1} = θ_k + update_k); the last row's update is 0.
// Everything lives in one function so the optimizer sees local arrays: no global exclusivity checks,
// no per-step allocation. Usage: handloop [EPOCHS]   (default 100000)

/// Runs the loop and returns the columns' row count, the final θ and a checksum that reads every column
/// once, so no store can be optimized away.
@inline(never)
func perSampleSGD(epochs: Int) -> (rows: Int, final: (Double, Double, Double), checksum: Double) {
    let xs: [Double] = [0, 1, 1, 2]
    let ys: [Double] = [0, 1, 2, 1]
    let lr = 0.0005
    let n = xs.count
    let steps = epochs * n
    let rows = steps + 1

    func column<T>(_: T.Type) -> [T] {
        var c = [T]()
        c.reserveCapacity(rows)
        return c
    }
    var epochColumn = column(Int32.self), batchColumn = column(Int32.self)
    var lrColumn = column(Double.self), lossColumn = column(Double.self), batchLossColumn = column(Double.self)
    var theta2 = column(Double.self), theta1 = column(Double.self), theta0 = column(Double.self)
    var grad2 = column(Double.self), grad1 = column(Double.self), grad0 = column(Double.self)
    var upd2 = column(Double.self), upd1 = column(Double.self), upd0 = column(Double.self)

    var a2 = 1.0, a1 = 1.0, a0 = 1.0
    // 0.5·r² with r = y − (a2·x² + a1·x + a0); ∂/∂a = −r·(x², x, 1).
    func lossAndGradient(_ i: Int) -> (Double, Double, Double, Double) {
        let x = xs[i], y = ys[i]
        let r = y - (a2 * x * x + a1 * x + a0)
        return (0.5 * r * r, -r * x * x, -r * x, -r)
    }
    // The mean of 0.5·r² over all four points.
    func fullLoss() -> Double {
        var sum = 0.0
        for i in 0..<n {
            let x = xs[i], y = ys[i]
            let r = y - (a2 * x * x + a1 * x + a0)
            sum += 0.5 * r * r
        }
        return sum / Double(n)
    }
    func record(_ step: Int, _ batchLoss: Double, _ g: (Double, Double, Double), _ d: (Double, Double, Double)) {
        epochColumn.append(Int32(step / n)); batchColumn.append(Int32(step % n))
        lrColumn.append(lr); lossColumn.append(fullLoss()); batchLossColumn.append(batchLoss)
        theta2.append(a2); theta1.append(a1); theta0.append(a0)
        grad2.append(g.0); grad1.append(g.1); grad0.append(g.2)
        upd2.append(d.0); upd1.append(d.1); upd0.append(d.2)
    }

    var (batchLoss, g2, g1, g0) = lossAndGradient(0)
    for step in 0..<steps {
        let d2 = -lr * g2, d1 = -lr * g1, d0 = -lr * g0
        record(step, batchLoss, (g2, g1, g0), (d2, d1, d0))
        a2 += d2; a1 += d1; a0 += d0
        (batchLoss, g2, g1, g0) = lossAndGradient((step + 1) % n)
    }
    record(steps, batchLoss, (g2, g1, g0), (0, 0, 0))
    let last = rows - 1
    let checksum = Double(epochColumn[last] + batchColumn[last]) + lrColumn[last] + lossColumn[last]
        + batchLossColumn[last] + theta2[last] + theta1[last] + theta0[last] + grad2[last] + grad1[last]
        + grad0[last] + upd2[last] + upd1[last] + upd0[last]
    return (lossColumn.count, (a2, a1, a0), checksum)
}

let epochs = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 100_000 : 100_000
let result = perSampleSGD(epochs: epochs)
print("steps \(result.rows - 1) rows \(result.rows) final a2=\(result.final.0) a1=\(result.final.1) a0=\(result.final.2) checksum \(result.checksum)")
