/// The scalar tape split along one parameter, for `TapeLine`.
extension Tape: SplitTape {
    var valueBuffer: UnsafeMutablePointer<Double> { values }

    /// The parameter-dependent instructions split by whether slot `index` (θᵢ) reaches them:
    /// an instruction moves when one of its operands (a, b, or the fused forms' d) is θᵢ or a
    /// moving instruction's result. The frontier is every operand of a moving instruction, and
    /// the output, that a row load or a held instruction writes.
    func split(along index: Int) -> TapeSplit<Instruction> {
        var reached = Set([index])
        var held: [Instruction] = [], moving: [Instruction] = []
        for i in 0..<forwardCount {
            let instruction = forwardCode[i]
            if [instruction.a, instruction.b, instruction.d].contains(where: { reached.contains(Int($0)) }) {
                reached.insert(Int(instruction.out))
                moving.append(instruction)
            } else {
                held.append(instruction)
            }
        }
        let rowWritten = Set((0..<rowWidth).map { rowSlots[$0] } + held.map { Int($0.out) })
        var read = moving.flatMap { [Int($0.a), Int($0.b), Int($0.d)] }
        read.append(output)
        var seen = Set<Int>()
        let frontier = read.filter { !reached.contains($0) && rowWritten.contains($0) && seen.insert($0).inserted }
        return TapeSplit(held: held, moving: moving, frontier: frontier.map { (offset: $0, count: 1) })
    }

    @inline(__always)
    func run(_ operations: UnsafePointer<Instruction>, count: Int) {
        for i in 0..<count { run(operations[i]) }
    }
}
