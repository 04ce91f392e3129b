/// The loops of every array operation: its value and the adjoints it sends back.
/// (Formulas and the choices at kinks: `ArrayFunction`, `Opcode.adjoint`.)
extension ArrayTape {
    /// Computes node `n`'s value from its inputs' values.
    @inline(__always)
    static func forward(
        _ n: ArrayNode, nodes: UnsafePointer<ArrayNode>, operands: UnsafePointer<Int>?, values v: UnsafeMutablePointer<Double>
    ) {
        let y = v + n.value
        let count = n.count
        switch n.operation {
        case .leaf:
            return
        case .map(let op, let c):
            let x = v + n.aValue
            switch op {
            case .square: for i in 0..<count { y[i] = x[i] * x[i] }
            case .addConstant: for i in 0..<count { y[i] = x[i] + c }
            case .multiplyConstant: for i in 0..<count { y[i] = x[i] * c }
            case .negate: for i in 0..<count { y[i] = -x[i] }
            default: for i in 0..<count { y[i] = Opcode.value(op, x[i], 0, 0, c) }
            }
        case .zip(let op, let walk):
            let a = v + n.aValue, b = v + n.bValue
            switch walk.kind {
            case .plain:
                switch op {
                case .add: for i in 0..<count { y[i] = a[i] + b[i] }
                case .subtract: for i in 0..<count { y[i] = a[i] - b[i] }
                case .multiply: for i in 0..<count { y[i] = a[i] * b[i] }
                default: for i in 0..<count { y[i] = Opcode.value(op, a[i], b[i], 0, 0) }
                }
            case .scalarFirst:
                let s = a[0]
                switch op {
                case .add: for i in 0..<count { y[i] = s + b[i] }
                case .subtract: for i in 0..<count { y[i] = s - b[i] }
                case .multiply: for i in 0..<count { y[i] = s * b[i] }
                default: for i in 0..<count { y[i] = Opcode.value(op, s, b[i], 0, 0) }
                }
            case .scalarSecond:
                let s = b[0]
                switch op {
                case .add: for i in 0..<count { y[i] = a[i] + s }
                case .subtract: for i in 0..<count { y[i] = a[i] - s }
                case .multiply: for i in 0..<count { y[i] = a[i] * s }
                default: for i in 0..<count { y[i] = Opcode.value(op, a[i], s, 0, 0) }
                }
            case .general:
                var k = 0
                for i in 0..<walk.rows {
                    for j in 0..<walk.columns {
                        y[k] = Opcode.value(op, a[i * walk.a.row + j * walk.a.column], b[i * walk.b.row + j * walk.b.column], 0, 0)
                        k += 1
                    }
                }
            }
        case .product(let rows, let inner, let columns):
            let a = v + n.aValue, b = v + n.bValue
            if columns == 1 {
                for i in 0..<rows {
                    var s = 0.0
                    for q in 0..<inner { s += a[i * inner + q] * b[q] }
                    y[i] = s
                }
                return
            }
            // Row i of Y is Σ_q A[i,q] · (row q of B); the first term is assigned, so Y needs no clearing.
            for i in 0..<rows {
                let row = y + i * columns, left = a + i * inner
                let first = left[0]
                for j in 0..<columns { row[j] = first * b[j] }
                for q in 1..<inner {
                    let x = left[q], source = b + q * columns
                    for j in 0..<columns { row[j] += x * source[j] }
                }
            }
        case .transpose(let rows, let columns):
            let x = v + n.aValue
            for i in 0..<rows { for j in 0..<columns { y[j * rows + i] = x[i * columns + j] } }
        case .total(let scale):
            let x = v + n.aValue
            let s = sum(n.aCount) { x[$0] }
            y[0] = scale == 1 ? s : s * scale
        case .totalAlong(let r):
            let x = v + n.aValue
            sumAlong(r, x, y, squares: false)
            if r.scale != 1 { for i in 0..<count { y[i] *= r.scale } }
        case .dot:
            let a = v + n.aValue, b = v + n.bValue
            y[0] = sum(n.aCount) { a[$0] * b[$0] }
        case .norm, .sumOfSquares:
            let x = v + n.aValue
            let s = sum(n.aCount) { x[$0] * x[$0] }
            if case .norm = n.operation { y[0] = s.squareRoot() } else { y[0] = s }
        case .normAlong(let r):
            let x = v + n.aValue
            sumAlong(r, x, y, squares: true)
            for i in 0..<count { y[i] = y[i].squareRoot() }
        case .diagonal(let stride):
            let x = v + n.aValue
            for i in 0..<count { y[i] = x[i * stride] }
        case .trace(let stride, let length):
            let x = v + n.aValue
            var s = 0.0
            for i in 0..<length { s += x[i * stride] }
            y[0] = s
        case .softmax:
            let x = v + n.aValue
            let m = maximum(x, count)
            var s = 0.0
            for i in 0..<count {
                y[i] = Libm.exponential(x[i] - m)
                s += y[i]
            }
            for i in 0..<count { y[i] /= s }
        case .logSumExp:
            let x = v + n.aValue, length = n.aCount
            let m = maximum(x, length)
            var s = 0.0
            for i in 0..<length { s += Libm.exponential(x[i] - m) }
            y[0] = m + Libm.logarithm(s)
        case .slice(let slice):
            let x = v + n.aValue
            guard let start = start(of: slice, n, v) else {
                y.update(repeating: .nan, count: count)
                return
            }
            for i in 0..<slice.rows {
                (y + i * slice.columns).update(from: x + start + i * slice.sourceColumns, count: slice.columns)
            }
        case .oneHot:
            y.update(repeating: 0, count: count)
            let k = v[n.aValue]
            if k == k.rounded(), k >= 0, k < Double(count) {
                y[Int(k)] = 1
            } else {
                y.update(repeating: .nan, count: count)
            }
        case .correlate(let c):
            // One kernel weight at a time, so the innermost loop runs along a row.
            let image = v + n.aValue, kernel = v + n.bValue
            y.update(repeating: 0, count: count)
            for p in 0..<c.kernelRows {
                for q in 0..<c.kernelColumns {
                    let w = kernel[p * c.kernelColumns + q]
                    for i in 0..<c.rows {
                        let line = image + (i + p) * c.imageColumns + q, target = y + i * c.columns
                        for j in 0..<c.columns { target[j] += w * line[j] }
                    }
                }
            }
        case .pad(let p):
            let x = v + n.aValue
            let width = p.columns + 2 * p.width
            for i in 0..<(p.rows + 2 * p.width) {
                let source = x + Swift.min(Swift.max(i - p.width, 0), p.rows - 1) * p.columns
                for j in 0..<width { y[i * width + j] = source[Swift.min(Swift.max(j - p.width, 0), p.columns - 1)] }
            }
        case .stack(let first, let parts):
            var offset = 0
            for t in 0..<parts {
                let part = nodes[operands![first + t]]
                (y + offset).update(from: v + part.value, count: part.count)
                offset += part.count
            }
        }
    }

    /// Adds node `n`'s adjoint, through its operation, into the adjoints of the inputs a parameter reaches.
    @inline(__always)
    static func backward(
        _ n: ArrayNode, nodes: UnsafePointer<ArrayNode>, operands: UnsafePointer<Int>,
        values v: UnsafeMutablePointer<Double>, adjoints d: UnsafeMutablePointer<Double>
    ) {
        let g = d + n.adjoint, y = v + n.value
        let count = n.count
        // Inputs a and b: their values, sizes and (if a parameter reaches them) adjoints.
        let x = v + Swift.max(n.aValue, 0), inputCount = n.aCount
        let ga: UnsafeMutablePointer<Double>? = n.aAdjoint >= 0 ? d + n.aAdjoint : nil
        let b = v + Swift.max(n.bValue, 0)
        let gb: UnsafeMutablePointer<Double>? = n.bAdjoint >= 0 ? d + n.bAdjoint : nil
        switch n.operation {
        case .leaf, .oneHot:
            return
        case .map(let op, let c):
            guard let ga else { return }
            switch op {
            case .square: for i in 0..<count { ga[i] += 2 * g[i] * x[i] }
            case .addConstant: for i in 0..<count { ga[i] += g[i] }
            case .multiplyConstant: for i in 0..<count { ga[i] += g[i] * c }
            case .negate: for i in 0..<count { ga[i] -= g[i] }
            default: for i in 0..<count { ga[i] += Opcode.adjoint(op, g[i], x: x[i], y: y[i], c: c) }
            }
        case .zip(let op, let walk):
            switch (walk.kind, op) {
            case (.plain, .add):
                if let ga { for i in 0..<count { ga[i] += g[i] } }
                if let gb { for i in 0..<count { gb[i] += g[i] } }
                return
            case (.plain, .subtract):
                if let ga { for i in 0..<count { ga[i] += g[i] } }
                if let gb { for i in 0..<count { gb[i] -= g[i] } }
                return
            case (.plain, .multiply):
                if let ga { for i in 0..<count { ga[i] += g[i] * b[i] } }
                if let gb { for i in 0..<count { gb[i] += g[i] * x[i] } }
                return
            case (.scalarFirst, .add), (.scalarFirst, .subtract), (.scalarFirst, .multiply):
                // a is one number: its adjoint is a sum over the result.
                let s = x[0]
                var total = 0.0
                for i in 0..<count { total += op == .multiply ? g[i] * b[i] : g[i] }
                ga?[0] += total
                if let gb {
                    switch op {
                    case .add: for i in 0..<count { gb[i] += g[i] }
                    case .subtract: for i in 0..<count { gb[i] -= g[i] }
                    default: for i in 0..<count { gb[i] += g[i] * s }
                    }
                }
                return
            case (.scalarSecond, .add), (.scalarSecond, .subtract), (.scalarSecond, .multiply):
                let s = b[0]
                var total = 0.0
                for i in 0..<count { total += op == .multiply ? g[i] * x[i] : g[i] }
                gb?[0] += op == .subtract ? -total : total
                if let ga {
                    if op == .multiply {
                        for i in 0..<count { ga[i] += g[i] * s }
                    } else {
                        for i in 0..<count { ga[i] += g[i] }
                    }
                }
                return
            default:
                break
            }
            var k = 0
            for i in 0..<walk.rows {
                for j in 0..<walk.columns {
                    let ia = i * walk.a.row + j * walk.a.column, ib = i * walk.b.row + j * walk.b.column
                    let (da, db) = Opcode.adjoints(op, g[k], a: x[ia], b: b[ib], y: y[k])
                    ga?[ia] += da
                    gb?[ib] += db
                    k += 1
                }
            }
        case .product(let rows, let inner, let columns):
            if let ga {
                // Ā += Ȳ Bᵀ, one column of B at a time: `inner` independent sums instead of one
                // dependent chain per entry (small matrices are latency-bound).
                for i in 0..<rows {
                    let gRow = g + i * columns, target = ga + i * inner
                    for j in 0..<columns {
                        let gj = gRow[j]
                        for q in 0..<inner { target[q] += gj * b[q * columns + j] }
                    }
                }
            }
            if let gb {
                // B̄ += Aᵀ Ȳ
                for i in 0..<rows {
                    let gRow = g + i * columns
                    for q in 0..<inner {
                        let a = x[i * inner + q], target = gb + q * columns
                        for j in 0..<columns { target[j] += a * gRow[j] }
                    }
                }
            }
        case .transpose(let rows, let columns):
            guard let ga else { return }
            for i in 0..<rows { for j in 0..<columns { ga[i * columns + j] += g[j * rows + i] } }
        case .total(let scale):
            guard let ga else { return }
            let s = scale == 1 ? g[0] : g[0] * scale
            for i in 0..<inputCount { ga[i] += s }
        case .totalAlong(let r):
            guard let ga else { return }
            for i in 0..<r.rows {
                for j in 0..<r.columns {
                    let s = g[r.axis == 0 ? j : i]
                    ga[i * r.columns + j] += r.scale == 1 ? s : s * r.scale
                }
            }
        case .dot:
            let s = g[0]
            if let ga { for i in 0..<inputCount { ga[i] += s * b[i] } }
            if let gb { for i in 0..<inputCount { gb[i] += s * x[i] } }
        case .norm:
            // Subgradient 0 at x = 0.
            guard let ga, y[0] > 0 else { return }
            let s = g[0] / y[0]
            for i in 0..<inputCount { ga[i] += s * x[i] }
        case .normAlong(let r):
            guard let ga else { return }
            for i in 0..<r.rows {
                for j in 0..<r.columns {
                    let k = r.axis == 0 ? j : i
                    if y[k] > 0 { ga[i * r.columns + j] += g[k] / y[k] * x[i * r.columns + j] }
                }
            }
        case .sumOfSquares:
            guard let ga else { return }
            let s = 2 * g[0]
            for i in 0..<inputCount { ga[i] += s * x[i] }
        case .diagonal(let stride):
            guard let ga else { return }
            for i in 0..<count { ga[i * stride] += g[i] }
        case .trace(let stride, let length):
            guard let ga else { return }
            for i in 0..<length { ga[i * stride] += g[0] }
        case .softmax:
            guard let ga else { return }
            var s = 0.0
            for i in 0..<count { s += g[i] * y[i] }
            for i in 0..<count { ga[i] += y[i] * (g[i] - s) }
        case .logSumExp:
            guard let ga else { return }
            for i in 0..<inputCount { ga[i] += g[0] * Libm.exponential(x[i] - y[0]) }
        case .slice(let slice):
            guard let ga, let start = start(of: slice, n, v) else { return }
            for i in 0..<slice.rows {
                let target = ga + start + i * slice.sourceColumns, source = g + i * slice.columns
                for j in 0..<slice.columns { target[j] += source[j] }
            }
        case .correlate(let c):
            let kernel = b
            for p in 0..<c.kernelRows {
                for q in 0..<c.kernelColumns {
                    let k = p * c.kernelColumns + q
                    if let ga {
                        // Ā[i+p, j+q] += Ȳ[i, j] K[p, q]
                        let w = kernel[k]
                        for i in 0..<c.rows {
                            let target = ga + (i + p) * c.imageColumns + q, source = g + i * c.columns
                            for j in 0..<c.columns { target[j] += w * source[j] }
                        }
                    }
                    if let gb {
                        // K̄[p, q] += Σᵢⱼ Ȳ[i, j] A[i+p, j+q]
                        var s = 0.0
                        for i in 0..<c.rows {
                            let line = x + (i + p) * c.imageColumns + q, source = g + i * c.columns
                            for j in 0..<c.columns { s += source[j] * line[j] }
                        }
                        gb[k] += s
                    }
                }
            }
        case .pad(let p):
            guard let ga else { return }
            let width = p.columns + 2 * p.width
            for i in 0..<(p.rows + 2 * p.width) {
                let target = ga + Swift.min(Swift.max(i - p.width, 0), p.rows - 1) * p.columns
                for j in 0..<width { target[Swift.min(Swift.max(j - p.width, 0), p.columns - 1)] += g[i * width + j] }
            }
        case .stack(let start, let parts):
            var offset = 0
            for t in 0..<parts {
                let part = nodes[operands[start + t]]
                if part.adjoint >= 0 {
                    let target = d + part.adjoint
                    for e in 0..<part.count { target[e] += g[offset + e] }
                }
                offset += part.count
            }
        }
    }

    /// Σᵢ term(i) for i < n, in four interleaved partial sums: a long sum is bound by
    /// the latency of each addition waiting for the previous one, four chains run at once.
    @inline(__always)
    static func sum(_ n: Int, _ term: (Int) -> Double) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= n {
            s0 += term(i)
            s1 += term(i + 1)
            s2 += term(i + 2)
            s3 += term(i + 3)
            i += 4
        }
        while i < n {
            s0 += term(i)
            i += 1
        }
        return (s0 + s1) + (s2 + s3)
    }

    /// Σ (of squares, if asked) along a reduction's axis into `y`.
    @inline(__always)
    private static func sumAlong(_ r: Reduction, _ x: UnsafeMutablePointer<Double>, _ y: UnsafeMutablePointer<Double>, squares: Bool) {
        y.update(repeating: 0, count: r.axis == 0 ? r.columns : r.rows)
        for i in 0..<r.rows {
            for j in 0..<r.columns {
                let e = x[i * r.columns + j]
                y[r.axis == 0 ? j : i] += squares ? e * e : e
            }
        }
    }

    /// The largest element (−∞ for none; NaN elements are skipped, and propagate through the exponentials).
    @inline(__always)
    private static func maximum(_ x: UnsafeMutablePointer<Double>, _ count: Int) -> Double {
        var m = -Double.infinity
        for i in 0..<count where x[i] > m { m = x[i] }
        return m
    }

    /// The flat offset of a slice's first element, or nil when its data-column
    /// index is not a whole number in 0..<limit.
    @inline(__always)
    private static func start(of slice: Slice, _ n: ArrayNode, _ v: UnsafeMutablePointer<Double>) -> Int? {
        var row = slice.rowStart, column = slice.columnStart
        if slice.dynamicRow || slice.dynamicColumn {
            let k = v[n.bValue]
            guard k == k.rounded(), k >= 0, k < Double(slice.limit) else { return nil }
            if slice.dynamicRow { row = Int(k) } else { column = Int(k) }
        }
        return row * slice.sourceColumns + column
    }
}
