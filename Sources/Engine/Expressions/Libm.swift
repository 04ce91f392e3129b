#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C math library's functions the tape needs, under names that cannot be
/// shadowed by the opcodes' case names.
enum Libm {
    @inline(__always) static func power(_ a: Double, _ b: Double) -> Double { pow(a, b) }
    @inline(__always) static func exponential(_ a: Double) -> Double { exp(a) }
    @inline(__always) static func logarithm(_ a: Double) -> Double { log(a) }
    @inline(__always) static func logOnePlus(_ a: Double) -> Double { log1p(a) }
    @inline(__always) static func sine(_ a: Double) -> Double { sin(a) }
    @inline(__always) static func cosine(_ a: Double) -> Double { cos(a) }
    @inline(__always) static func hyperbolicTangent(_ a: Double) -> Double { tanh(a) }
}
