/// A constant of the expression language: a scalar, vector or matrix with its
/// values, row-major. Lessons pass these by name (`X`, `y`, a kernel).
///
/// ```
/// ArrayValue(2.5)                          scalar
/// ArrayValue(vector: [1, 2, 3])            [3]
/// ArrayValue(matrix: [[1, 2], [3, 4]])     [2,2]:  elements 1, 2, 3, 4
/// ```
public struct ArrayValue: Hashable, Sendable {
    /// The shape.
    public let shape: ArrayShape
    /// The elements, row-major; `elements.count == shape.count`.
    public let elements: [Double]

    /// A value of `shape` with `elements` in row-major order.
    public init(shape: ArrayShape, elements: [Double]) {
        precondition(elements.count == shape.count, "an array value needs one element per entry of its shape")
        self.shape = shape
        self.elements = elements
    }

    /// A scalar.
    public init(_ value: Double) {
        self.init(shape: .scalar, elements: [value])
    }

    /// A vector (at least one element).
    public init(vector: [Double]) {
        self.init(shape: .vector(vector.count), elements: vector)
    }

    /// A matrix from its rows (at least one row, all of the same nonzero length).
    public init(matrix rows: [[Double]]) {
        precondition(!rows.isEmpty && rows.allSatisfy { $0.count == rows[0].count }, "a matrix needs rows of one length")
        self.init(shape: .matrix(rows.count, rows[0].count), elements: rows.flatMap { $0 })
    }
}
