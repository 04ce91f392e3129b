/// A block of parameters seen as a matrix: which flat indices, in row-major order, and its shape.
public struct ParameterBlock: Equatable {
    /// Parameter indices, row-major (row 0 first).
    public var indices: [Int]
    /// Rows of the matrix.
    public var rows: Int
    /// Columns of the matrix.
    public var columns: Int

    /// The block named by `prefix` among `parameters`.
    ///
    /// The elements of a matrix parameter `prefix[rows,columns]` (`C[0,1]`), or parameters named
    /// `prefix_r_c` (0-based row and column, as the matrix builtins name them), give their shape themselves; otherwise every parameter whose name starts with `prefix`, in order, reshaped
    /// to `rows × columns` (both needed then). Nil when nothing matches or the shape does not fit.
    public static func resolve(_ prefix: String, in parameters: [String], rows: Int? = nil, columns: Int? = nil) -> ParameterBlock? {
        var cells: [(r: Int, c: Int, index: Int)] = []
        // A matrix parameter's elements, C[0,0] … (declared C[rows,columns]).
        for (i, name) in parameters.enumerated() where name.hasPrefix(prefix + "[") && name.hasSuffix("]") {
            let parts = name.dropFirst(prefix.count + 1).dropLast().split(separator: ",")
            guard parts.count == 2, let r = Int(parts[0]), let c = Int(parts[1]) else { cells = []; break }
            cells.append((r, c, i))
        }
        for (i, name) in parameters.enumerated() where cells.isEmpty && name.hasPrefix(prefix + "_") {
            let parts = name.dropFirst(prefix.count + 1).split(separator: "_")
            guard parts.count == 2, let r = Int(parts[0]), let c = Int(parts[1]), r >= 0, c >= 0 else { cells = []; break }
            cells.append((r, c, i))
        }
        if !cells.isEmpty {
            let h = (cells.map(\.r).max() ?? 0) + 1, w = (cells.map(\.c).max() ?? 0) + 1
            guard cells.count == h * w, rows == nil || rows == h, columns == nil || columns == w else { return nil }
            var indices = [Int](repeating: -1, count: h * w)
            for cell in cells { indices[cell.r * w + cell.c] = cell.index }
            guard !indices.contains(-1) else { return nil }
            return ParameterBlock(indices: indices, rows: h, columns: w)
        }
        let members = parameters.indices.filter { parameters[$0].hasPrefix(prefix) }
        guard let rows, let columns, rows >= 1, columns >= 1, members.count == rows * columns else { return nil }
        return ParameterBlock(indices: members, rows: rows, columns: columns)
    }

    /// Positions within the block (row-major) that `part` selects.
    public func positions(_ part: FigureSpec.BlockPart) -> [Int] {
        let all = Array(0..<(rows * columns))
        switch part {
        case .diagonal: return all.filter { $0 / columns == $0 % columns }
        case .offDiagonal: return all.filter { $0 / columns != $0 % columns }
        case .all: return all
        }
    }
}
