/// Applies a run's `Constraints` after every update, in order: box clip, simplex projection, fixed entries.
///
/// ```
/// box:      θ_i ← min(max(θ_i, lower), upper)
/// simplex:  θ_G ← argmin_{x ≥ 0, Σx = 1} ‖x − θ_G‖₂   for each group G
/// fixed:    θ_i ← θ₀_i
/// ```
/// Holds its scratch and the fixed values, allocated once.
public struct ConstraintProjector {
    @usableFromInline let boxes: [Constraints.Box]
    /// Group members, end to end; `groupEnds[g]` is one past group g's last member.
    @usableFromInline let groupMembers: [Int]
    @usableFromInline let groupEnds: [Int]
    @usableFromInline let fixed: [Int]
    @usableFromInline let fixedValues: [Double]
    @usableFromInline var scratch: [Double]
    @usableFromInline var group: [Double]

    /// True when there is nothing to apply.
    public let isEmpty: Bool

    /// Prepares `constraints` for a run starting at `start` (assumed validated).
    public init(_ constraints: Constraints, start: [Double]) {
        boxes = constraints.boxes
        groupMembers = constraints.simplexGroups.flatMap { $0 }
        var ends: [Int] = []
        var end = 0
        for g in constraints.simplexGroups {
            end += g.count
            ends.append(end)
        }
        groupEnds = ends
        fixed = constraints.fixed
        fixedValues = constraints.fixed.map { start[$0] }
        let largest = constraints.simplexGroups.map(\.count).max() ?? 0
        scratch = [Double](repeating: 0, count: largest)
        group = [Double](repeating: 0, count: largest)
        isEmpty = constraints.boxes.isEmpty && constraints.simplexGroups.isEmpty && constraints.fixed.isEmpty
    }

    /// Applies every constraint to `theta` in place. Allocates nothing.
    @inlinable
    public mutating func apply(to theta: UnsafeMutableBufferPointer<Double>) {
        if isEmpty { return }
        for box in boxes {
            theta[box.index] = Swift.min(Swift.max(theta[box.index], box.lower), box.upper)
        }
        if !groupEnds.isEmpty {
            let members = groupMembers, ends = groupEnds
            scratch.withUnsafeMutableBufferPointer { scratch in
                group.withUnsafeMutableBufferPointer { group in
                    var begin = 0
                    for end in ends {
                        let count = end - begin
                        for j in 0..<count { group[j] = theta[members[begin + j]] }
                        SimplexProjection.project(
                            UnsafeMutableBufferPointer(rebasing: group[0..<count]),
                            scratch: UnsafeMutableBufferPointer(rebasing: scratch[0..<count]))
                        for j in 0..<count { theta[members[begin + j]] = group[j] }
                        begin = end
                    }
                }
            }
        }
        for (k, index) in fixed.enumerated() { theta[index] = fixedValues[k] }
    }
}
