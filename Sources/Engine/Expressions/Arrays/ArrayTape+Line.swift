/// The array tape split along one parameter element, for `TapeLine`.
extension ArrayTape: SplitTape {
    var valueBuffer: UnsafeMutablePointer<Double> { values }

    /// The nodes `forward()` runs split by whether θᵢ reaches them: a node moves when one of its
    /// inputs (a, b, an array literal's parts) is the parameter θᵢ belongs to or a moving node.
    /// (A parameter is one node: solving one element of a vector moves everything that reads
    /// the vector.) The frontier is every input of a moving node, and the output, that a row load
    /// or a held node writes.
    func split(along index: Int) -> TapeSplit<ArrayNode> {
        let all = program.nodes
        let parameter = all.first { node in
            if case .leaf = node.operation { return node.value <= index && index < node.value + node.count }
            return false
        }!
        // Nodes are known by their value offset: every node has its own.
        var size: [Int: Int] = [:]
        for node in all { size[node.value] = node.count }
        func inputs(_ node: ArrayNode) -> [Int] {
            var read = [node.aValue, node.bValue].filter { $0 >= 0 }
            if case .stack(let first, let count) = node.operation {
                read += (first..<first + count).map { all[program.operands[$0]].value }
            }
            return read
        }
        var reached: Set<Int> = [parameter.value]
        var held: [ArrayNode] = [], moving: [ArrayNode] = []
        for i in 0..<forwardCount {
            let node = forwardNodes[i]
            if inputs(node).contains(where: { reached.contains($0) }) {
                reached.insert(node.value)
                moving.append(node)
            } else {
                held.append(node)
            }
        }
        let rowWritten = Set(columnLoads.map(\.slot) + held.map(\.value))
        var read = moving.flatMap(inputs)
        read.append(outputValue)
        var seen = Set<Int>()
        let frontier = read.filter { !reached.contains($0) && rowWritten.contains($0) && seen.insert($0).inserted }
        return TapeSplit(held: held, moving: moving, frontier: frontier.map { (offset: $0, count: size[$0]!) })
    }

    @inline(__always)
    func run(_ operations: UnsafePointer<ArrayNode>, count: Int) {
        for i in 0..<count {
            ArrayTape.forward(operations[i], nodes: nodes, operands: operands, values: values)
        }
    }
}
