/// An optimizer's update rule for a block of cells at once (the cells of a map), its state kept
/// struct of arrays: buffer entry i of lane l at `i × width + l`, so each line of the rule is one loop
/// over the lanes.
///
/// Every lane computes exactly what the scalar optimizer computes for its cell, with the same formulas
/// in the same order (no fused multiply-add where the scalar rule has none), so a map's cell ends bit
/// for bit as `steptrace trace` ends. All lanes of a block share the optimizer kind, the convention and
/// the step t (they start together); every other setting (η, μ, Nesterov, …) may differ per lane.
///
/// The block form is optional. An optimizer gains one by conforming to `LaneFormed` in its own
/// `Name+Lanes.swift` file; `RunGrid.run(_:expression:)` then steps unconstrained cells in blocks
/// (`LaneBlock`). Cells whose optimizer has no block form, and cells with constraints, fall back to the
/// lane tape with one `RunCursor` per cell, which is slower but does the same.
protocol LaneOptimizer: AnyObject {
    /// A block for lanes `0..<settings.count` (at most `width`), lane l with `settings[l]`, fresh state.
    init(settings: [OptimizerSettings], parameterCount: Int, width: Int)

    /// Applies one update to lanes `0..<m` of `theta` (θᵢ of lane l at `i × width + l`) in place.
    ///
    /// - Parameters:
    ///   - gradient: ∇f at `theta`, laid out as `theta`.
    ///   - rates: η of lane l for this update (its schedule's value at `t`) at index l.
    ///   - t: updates already made (0 for the first update), the same for every lane.
    func update(theta: UnsafeMutablePointer<Double>, gradient: UnsafePointer<Double>, rates: UnsafePointer<Double>,
                step t: Int, lanes m: Int)

    /// Copies lane `from`'s settings and state to lane `to` (closing the gap a finished lane left).
    func move(from: Int, to: Int)
}

/// An optimizer with a block form (see `LaneOptimizer`).
protocol LaneFormed: Optimizer {
    /// The block form of this optimizer's update rule.
    associatedtype Lanes: LaneOptimizer

    /// Runs `plans` through `LaneBlock` with `Lanes` (the default; a conforming type writes nothing here).
    static func runLanes(_ plans: [RunPlan], objective: ExpressionObjective, tape: LaneTape) -> [CellOutcome]
}

extension LaneFormed {
    static func runLanes(_ plans: [RunPlan], objective: ExpressionObjective, tape: LaneTape) -> [CellOutcome] {
        LaneBlock.run(plans, objective: objective, tape: tape, optimizer: Lanes.self)
    }
}

/// Two lanes at a time, for block update rules the compiler would not vectorise on its own (too many
/// buffers for its overlap checks). `SIMD2` arithmetic rounds each lane exactly as the scalar operation
/// does (no fused multiply-add), and `select` is a per-lane select.
enum LanePair {
    typealias Value = SIMD2<Double>
    typealias Mask = SIMDMask<SIMD2<Int64>>

    /// `b` in the lanes where `mask` is set, `a` in the others: `replacing(with:where:)` in bit
    /// operations (and, and-not, or) where the standard library's generic version tests lane by lane.
    @inline(__always)
    static func select(_ a: Value, _ b: Value, where mask: Mask) -> Value {
        let m = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        let x = unsafeBitCast(a, to: SIMD2<UInt64>.self), y = unsafeBitCast(b, to: SIMD2<UInt64>.self)
        return unsafeBitCast((y & m) | (x & ~m), to: Value.self)
    }

    /// |x| in both lanes (the sign bit cleared).
    @inline(__always)
    static func magnitude(_ x: Value) -> Value {
        unsafeBitCast(unsafeBitCast(x, to: SIMD2<UInt64>.self) & SIMD2(repeating: ~(1 << 63)), to: Value.self)
    }

    /// Lanes l and l + 1 of `row`.
    @inline(__always)
    static func load(_ row: UnsafePointer<Double>, _ l: Int) -> Value {
        UnsafeRawPointer(row + l).loadUnaligned(as: Value.self)
    }

    /// Writes lanes l and l + 1 of `row`.
    @inline(__always)
    static func store(_ value: Value, _ row: UnsafeMutablePointer<Double>, _ l: Int) {
        UnsafeMutableRawPointer(row + l).storeBytes(of: value, as: Value.self)
    }
}
