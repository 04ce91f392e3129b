/// One operation of an `ArrayTape`, on whole arrays. Shapes are fixed when
/// compiling, so each case carries the sizes its loops need; vectors are
/// 1×n rows and scalars 1×1.
enum ArrayOperation {
    /// A value written from outside: θ, a constant, a data column.
    case leaf
    /// y = op(x, c) element by element (`Opcode` forms with at most an immediate constant).
    case map(Opcode, Double)
    /// y = op(a, b) element by element, broadcasting.
    case zip(Opcode, Broadcast)
    /// Y = A B with A m×k and B k×n (a vector on the left is 1×k, on the right k×1).
    case product(rows: Int, inner: Int, columns: Int)
    /// Y = Aᵀ, A rows × columns.
    case transpose(rows: Int, columns: Int)
    /// y = scale · Σ x (sum: 1, mean: 1/count).
    case total(scale: Double)
    /// y = scale · Σ along an axis.
    case totalAlong(Reduction)
    /// y = Σ aᵢ bᵢ.
    case dot
    /// y = √(Σ x²).
    case norm
    /// The norm of every column or row.
    case normAlong(Reduction)
    /// y = Σ x².
    case sumOfSquares
    /// yᵢ = x[i · stride] (stride = columns + 1): the diagonal.
    case diagonal(stride: Int)
    /// y = Σᵢ x[i · stride], i < length.
    case trace(stride: Int, length: Int)
    /// y = eˣ / Σ eˣ.
    case softmax
    /// y = log Σ eˣ.
    case logSumExp
    /// A rectangular block of a matrix, its start possibly read from a data column.
    case slice(Slice)
    /// y = e_k with k the value of input a (NaN when k is not a whole number in range).
    case oneHot
    /// 2-D valid-mode correlation of a (the image) with b (the kernel).
    case correlate(Correlation)
    /// a with its edges repeated `width` times on every side.
    case pad(Padding)
    /// An array literal: the operands `ArrayProgram.operands[first..<first + count]`, one after another.
    case stack(first: Int, count: Int)
}

/// One node of an `ArrayTape`: its operation, where its inputs a and b live
/// (copied from the input nodes, so running it reads one node, not three)
/// and where its own value and adjoint live.
struct ArrayNode {
    var operation: ArrayOperation
    /// Input a's value offset, element count and adjoint offset (−1: none, or no parameter reaches it).
    var aValue = -1, aCount = 0, aAdjoint = -1
    /// Input b's value offset and adjoint offset.
    var bValue = -1, bAdjoint = -1
    /// Offset of the value's first element in the value buffer.
    var value: Int
    /// Number of elements.
    var count: Int
    /// Offset of the adjoint in the adjoint buffer; −1 when no parameter reaches the node.
    var adjoint = -1
    /// Whether the value changes with θ or the data row (else it is computed once).
    var variable: Bool
}

/// How an element-wise operation walks its operands: the result is rows × columns and
/// operand element (i, j) sits at i · rowStride + j · columnStride (stride 0 broadcasts).
struct Broadcast {
    var rows: Int
    var columns: Int
    var a: (row: Int, column: Int)
    var b: (row: Int, column: Int)
    /// The walks with loops of their own.
    var kind: Kind

    /// Walks that need no strides.
    enum Kind {
        /// Both operands have as many elements as the result: one contiguous walk.
        case plain
        /// a is one number, b has the result's elements.
        case scalarFirst
        /// b is one number, a has the result's elements.
        case scalarSecond
        /// Anything else: strides.
        case general
    }
}

/// A sum (scaled) or norm along one axis of a rows × columns matrix: axis 0 gives one
/// value per column, axis 1 one per row.
struct Reduction {
    var rows: Int
    var columns: Int
    var axis: Int
    var scale: Double
}

/// The block rows × columns of a matrix `sourceColumns` wide starting at (rowStart, columnStart).
/// A dynamic row or column start is read from input b (a data column) and checked against `limit`.
struct Slice {
    var sourceColumns: Int
    var rowStart: Int
    var columnStart: Int
    var rows: Int
    var columns: Int
    var dynamicRow: Bool
    var dynamicColumn: Bool
    var limit: Int
}

/// Sizes of a valid-mode correlation: image `imageColumns` wide, kernel kernelRows × kernelColumns,
/// result rows × columns.
struct Correlation {
    var imageColumns: Int
    var kernelRows: Int
    var kernelColumns: Int
    var rows: Int
    var columns: Int
}

/// Sizes of an edge padding: the source rows × columns, `width` added on every side.
struct Padding {
    var rows: Int
    var columns: Int
    var width: Int
}
