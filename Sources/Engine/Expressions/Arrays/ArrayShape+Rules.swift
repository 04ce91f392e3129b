/// Why an operation cannot take its operands' shapes; the parser adds the column.
struct ShapeProblem: Error {
    let message: String
}

extension ArrayShape {
    /// The shape of an element-wise operation on `a` and `b` (NumPy broadcasting, right-aligned).
    static func broadcast(_ a: ArrayShape, _ b: ArrayShape, operator name: String) throws(ShapeProblem) -> ArrayShape {
        let rank = Swift.max(a.rank, b.rank)
        var dimensions: [Int] = []
        for k in 0..<rank {
            let x = k < rank - a.rank ? 1 : a.dimensions[k - (rank - a.rank)]
            let y = k < rank - b.rank ? 1 : b.dimensions[k - (rank - b.rank)]
            guard x == y || x == 1 || y == 1 else {
                throw ShapeProblem(message: "\(name): shapes \(a) and \(b) don't match")
            }
            dimensions.append(Swift.max(x, y))
        }
        return ArrayShape(dimensions)
    }

    /// The shape of `a @ b`: [m,k]@[k,n] → [m,n], [m,k]@[k] → [m], [k]@[k,n] → [n], [k]@[k] → scalar.
    static func product(_ a: ArrayShape, _ b: ArrayShape) throws(ShapeProblem) -> ArrayShape {
        guard a.rank >= 1, b.rank >= 1, a.dimensions[a.rank - 1] == b.dimensions[0] else {
            throw ShapeProblem(message: "@: shapes \(a) and \(b) don't match")
        }
        return ArrayShape(Array(a.dimensions.dropLast()) + Array(b.dimensions.dropFirst()))
    }

    /// The shape left when `axis` of this shape is summed over.
    func reduced(along axis: Int, by function: ArrayFunction) throws(ShapeProblem) -> ArrayShape {
        guard axis < rank else {
            throw ShapeProblem(message: "\(function.rawValue): axis \(axis) is out of range for \(noun)")
        }
        var kept = dimensions
        kept.remove(at: axis)
        return ArrayShape(kept)
    }

    /// Requires a vector (`softmax`, `logsumexp`).
    func requireVector(for function: ArrayFunction) throws(ShapeProblem) {
        guard rank == 1 else { throw ShapeProblem(message: "\(function.rawValue) takes a vector, not \(noun)") }
    }

    /// Requires a matrix (`diag`, `trace`, `correlate`, `pad`).
    func requireMatrix(for function: ArrayFunction) throws(ShapeProblem) {
        guard rank == 2 else { throw ShapeProblem(message: "\(function.rawValue) takes a matrix, not \(noun)") }
    }

    /// The shape of an array literal whose elements have `shapes`.
    static func literal(_ shapes: [ArrayShape]) throws(ShapeProblem) -> ArrayShape {
        let first = shapes[0]
        for shape in shapes where shape != first || shape.rank > 1 {
            let problem = shape.rank > 1 || first.rank > 1
                ? "an element of [...] is a matrix; elements must be numbers or vectors of one length"
                : "elements of [...] must be all numbers or all vectors of one length, not \(first.noun) and \(shape.noun)"
            throw ShapeProblem(message: problem)
        }
        return ArrayShape([shapes.count] + first.dimensions)
    }
}
