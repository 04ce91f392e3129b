/// xoshiro256** seeded through SplitMix64: the same seed gives the same numbers on every machine.
///
/// ```
/// seeding:  s_i = splitmix64(seed) for i = 0…3
/// next:     result = rotl(s1·5, 7)·9;  t = s1 << 17
///           s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)
/// ```
/// (Blackman and Vigna, 2018.) Shuffles use `shuffle(_:)` here, not the
/// standard library's, whose algorithm may change between Swift versions.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Creates a generator whose whole state comes from `seed`.
    public init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniform integer in 0..<bound, by Lemire's multiply-and-reject method (bound > 0).
    @inlinable
    public mutating func below(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Fisher–Yates shuffle of `values` in place (from the last position down).
    @inlinable
    public mutating func shuffle<T>(_ values: UnsafeMutableBufferPointer<T>) {
        var i = values.count - 1
        while i > 0 {
            let j = Int(below(UInt64(i + 1)))
            values.swapAt(i, j)
            i -= 1
        }
    }

    @inlinable
    func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
