/// The shape of a value in the expression language: a scalar, a vector `[n]`
/// or a matrix `[m,n]` (row-major), every dimension at least 1.
///
/// Element-wise operations broadcast like NumPy: shapes are aligned on the
/// right and a dimension of 1 (or a missing one) stretches to the other's:
/// ```
/// []    with [m,n] → [m,n]        [n]   with [m,n] → [m,n]   (the vector is a row)
/// [m,1] with [m,n] → [m,n]        [1,n] with [m,1] → [m,n]
/// ```
public struct ArrayShape: Hashable, Sendable, CustomStringConvertible {
    /// The dimensions, outermost first: `[]`, `[n]` or `[m, n]`.
    public let dimensions: [Int]

    /// A shape with these dimensions (at most two, each at least 1).
    public init(_ dimensions: [Int]) {
        precondition(dimensions.count <= 2 && dimensions.allSatisfy { $0 >= 1 }, "a shape has at most two dimensions, each at least 1")
        self.dimensions = dimensions
    }

    /// The shape of a single number.
    public static let scalar = ArrayShape([])
    /// A vector of `n` elements.
    public static func vector(_ n: Int) -> ArrayShape { ArrayShape([n]) }
    /// A matrix of `rows` × `columns` elements.
    public static func matrix(_ rows: Int, _ columns: Int) -> ArrayShape { ArrayShape([rows, columns]) }

    /// Number of dimensions: 0, 1 or 2.
    public var rank: Int { dimensions.count }
    /// Whether this is a single number.
    public var isScalar: Bool { dimensions.isEmpty }
    /// Number of elements: the product of the dimensions (1 for a scalar).
    public var count: Int { dimensions.reduce(1, *) }

    /// As a matrix: a scalar is 1×1 and a vector `[n]` a row, 1×n.
    var rows: Int { rank == 2 ? dimensions[0] : 1 }
    /// As a matrix: the number of columns.
    var columns: Int { rank == 0 ? 1 : dimensions[rank - 1] }

    /// `[3]`, `[12,12]`; a scalar prints as `scalar`.
    public var description: String {
        isScalar ? "scalar" : "[" + dimensions.map(String.init).joined(separator: ",") + "]"
    }

    /// How an error message names a value of this shape: `a scalar`, `a [3] vector`, `a [2,3] matrix`.
    public var noun: String {
        switch rank {
        case 0: return "a scalar"
        case 1: return "a \(description) vector"
        default: return "a \(description) matrix"
        }
    }

    /// The flat names of a parameter's elements, row-major: `b`; `a[0]`, `a[1]`, …; `C[0,0]`, `C[0,1]`, ….
    func elementNames(of name: String) -> [String] {
        switch rank {
        case 0: return [name]
        case 1: return (0..<dimensions[0]).map { "\(name)[\($0)]" }
        default: return (0..<dimensions[0]).flatMap { i in (0..<dimensions[1]).map { j in "\(name)[\(i),\(j)]" } }
        }
    }
}
