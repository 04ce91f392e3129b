import Foundation

/// A point in the 3-D view box: each coordinate scaled so the box is centred on the origin.
public struct Point3D: Equatable, Sendable {
    /// Across the box, −½ … ½.
    public var x: Double
    /// Along the box, −½ … ½.
    public var y: Double
    /// Up the box, −½ … ½.
    public var z: Double
    /// A point at `(x, y, z)`.
    public init(_ x: Double, _ y: Double, _ z: Double) { self.x = x; self.y = y; self.z = z }

    static func - (a: Point3D, b: Point3D) -> Point3D { Point3D(a.x - b.x, a.y - b.y, a.z - b.z) }
    func dot(_ o: Point3D) -> Double { x * o.x + y * o.y + z * o.z }
    func cross(_ o: Point3D) -> Point3D { Point3D(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x) }
    var normalized: Point3D {
        let n = dot(self).squareRoot()
        return n > 0 ? Point3D(x / n, y / n, z / n) : self
    }
}

/// A camera looking at the view box from `azimuth` around the vertical axis and `elevation` above the
/// floor (degrees, as matplotlib's `azim` and `elev`), with a mild perspective.
///
/// ```
/// toward the viewer  e = (cos el cos az, cos el sin az, sin el)
/// screen right       r = (−sin az, cos az, 0)
/// screen up          u = e × r
/// screen (x, y) = (p·r, p·u) · D / (D − p·e)      depth = p·e (larger is nearer)
/// ```
struct Camera3D {
    let toward: Point3D
    let right: Point3D
    let up: Point3D
    /// Distance from the box centre to the eye, in box units (the box's half-diagonal is about 1.9).
    let distance: Double

    init(azimuth: Double, elevation: Double, distance: Double = 7) {
        let az = azimuth * Double.pi / 180, el = elevation * Double.pi / 180
        toward = Point3D(cos(el) * cos(az), cos(el) * sin(az), sin(el))
        right = Point3D(-sin(az), cos(az), 0)
        up = toward.cross(right)
        self.distance = distance
    }

    /// How near `p` is to the eye (larger is nearer).
    func depth(_ p: Point3D) -> Double { p.dot(toward) }

    /// `p` on the picture plane, y up, before fitting to the page.
    func project(_ p: Point3D) -> (x: Double, y: Double) {
        let f = distance / (distance - depth(p))
        return (p.dot(right) * f, p.dot(up) * f)
    }
}

/// The fit of the picture plane into a page rectangle: one uniform scale, y flipped.
struct PictureFit {
    let scale: Double
    let offsetX: Double
    let offsetY: Double

    /// The fit that shows every picture point of `points` inside `rect`, centred.
    init(fitting points: [(x: Double, y: Double)], into rect: Rect) {
        let xs = points.map(\.x), ys = points.map(\.y)
        let x0 = xs.min() ?? -1, x1 = xs.max() ?? 1, y0 = ys.min() ?? -1, y1 = ys.max() ?? 1
        scale = min(rect.width / max(x1 - x0, 1e-9), rect.height / max(y1 - y0, 1e-9))
        offsetX = rect.midX - (x0 + x1) / 2 * scale
        offsetY = rect.midY + (y0 + y1) / 2 * scale
    }

    /// The device point of a picture point.
    func device(_ p: (x: Double, y: Double)) -> Point { Point(offsetX + p.x * scale, offsetY - p.y * scale) }
}
