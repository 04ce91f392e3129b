/// The minimum of a function of one variable on a closed interval.
public enum LineMinimizer {
    /// The x in `interval` where `f` is least, and f there.
    ///
    /// First the quadratic test: a parabola through f at the ends and the middle. When f is
    /// exactly that parabola (f at its vertex agrees to 10⁻¹² of the values' size), the
    /// least of the clipped vertex and the ends is the answer, after four evaluations.
    /// Otherwise Brent's method (golden section with parabolic steps) to a relative
    /// tolerance of 10⁻¹⁰ of the interval's width, compared with both ends.
    @inlinable
    public static func minimize(in interval: ClosedRange<Double>, _ f: (Double) -> Double) -> (x: Double, value: Double) {
        let a = interval.lowerBound, b = interval.upperBound
        guard b > a else { return (a, f(a)) }
        let m = 0.5 * (a + b)
        let fa = f(a), fb = f(b), fm = f(m)
        var best = fa <= fb ? (x: a, value: fa) : (x: b, value: fb)
        if fm < best.value { best = (m, fm) }
        // f(x) = c0 + c1 (x − m) + c2 (x − m)², through the three points.
        let h = m - a
        let c2 = (fa + fb - 2 * fm) / (2 * h * h)
        let c1 = (fb - fa) / (2 * h)
        let size = max(1, abs(fa), abs(fb), abs(fm))
        if c2 > 0 {
            let vertex = min(max(m - c1 / (2 * c2), a), b)
            let predicted = fm + c1 * (vertex - m) + c2 * (vertex - m) * (vertex - m)
            let fv = f(vertex)
            if fv < best.value { best = (vertex, fv) }
            if abs(fv - predicted) <= 1e-12 * size { return best }
        } else if c2 == 0 && abs(c1 * h) <= 1e-15 * size {
            return best
        }
        let brent = brent(a, b, f)
        return brent.value < best.value ? brent : best
    }

    /// Brent's minimization on [a, b] (Numerical Recipes' `brent`, without derivatives).
    @usableFromInline
    static func brent(_ lower: Double, _ upper: Double, _ f: (Double) -> Double) -> (x: Double, value: Double) {
        let golden = 0.3819660112501051
        var a = lower, b = upper
        var x = a + golden * (b - a), w = x, v = x
        var fx = f(x), fw = fx, fv = fx
        var d = 0.0, e = 0.0
        let tolerance = 1e-10 * (upper - lower)
        for _ in 0..<200 {
            let mid = 0.5 * (a + b)
            let tol1 = tolerance + 1e-15 * abs(x), tol2 = 2 * tol1
            if abs(x - mid) <= tol2 - 0.5 * (b - a) { break }
            var useGolden = true
            if abs(e) > tol1 {
                let r = (x - w) * (fx - fv)
                var q = (x - v) * (fx - fw)
                var p = (x - v) * q - (x - w) * r
                q = 2 * (q - r)
                if q > 0 { p = -p }
                q = abs(q)
                if abs(p) < abs(0.5 * q * e), p > q * (a - x), p < q * (b - x) {
                    e = d
                    d = p / q
                    let u = x + d
                    if u - a < tol2 || b - u < tol2 { d = mid >= x ? tol1 : -tol1 }
                    useGolden = false
                }
            }
            if useGolden {
                e = x >= mid ? a - x : b - x
                d = golden * e
            }
            let u = abs(d) >= tol1 ? x + d : x + (d >= 0 ? tol1 : -tol1)
            let fu = f(u)
            if fu <= fx {
                if u >= x { a = x } else { b = x }
                (v, w, x) = (w, x, u)
                (fv, fw, fx) = (fw, fx, fu)
            } else {
                if u < x { a = u } else { b = u }
                if fu <= fw || w == x {
                    (v, w) = (w, u)
                    (fv, fw) = (fw, fu)
                } else if fu <= fv || v == x || v == w {
                    v = u
                    fv = fu
                }
            }
        }
        return (x, fx)
    }
}
