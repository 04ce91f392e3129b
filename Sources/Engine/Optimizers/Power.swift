#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `x^y` from the C math library (correctly rounded on glibc), shared by Adam's bias correction and the schedules.
@usableFromInline
func power(_ x: Double, _ y: Double) -> Double {
    pow(x, y)
}
