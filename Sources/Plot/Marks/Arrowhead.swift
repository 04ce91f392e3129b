import Foundation

/// Arrows in device space.
enum Arrowhead {
    /// A filled triangular head with its tip at `tip`, pointing along `direction` (device vector).
    static func path(tip: Point, direction: Point, size: Double) -> Path {
        let len = (direction.x * direction.x + direction.y * direction.y).squareRoot()
        guard len > 0 else { return Path() }
        let ux = direction.x / len, uy = direction.y / len
        let back = Point(tip.x - ux * size, tip.y - uy * size)
        let half = size * 0.45
        var p = Path()
        p.move(to: tip)
        p.line(to: Point(back.x - uy * half, back.y + ux * half))
        p.line(to: Point(back.x + uy * half, back.y - ux * half))
        p.close()
        return p
    }

    /// A shaft from `from` to `to` with a head at `to`, over an outline in `halo` when given.
    static func draw(in canvas: Canvas, from: Point, to: Point, color: Color, width: Double, headSize: Double, halo: Color?) {
        let d = Point(to.x - from.x, to.y - from.y)
        let len = (d.x * d.x + d.y * d.y).squareRoot()
        guard len > 0.5 else { return }
        let shaftEnd = Point(to.x - d.x / len * headSize * 0.7, to.y - d.y / len * headSize * 0.7)
        let shaft = Path.polyline([from, shaftEnd])
        let head = path(tip: to, direction: d, size: headSize)
        if let halo {
            canvas.stroke(shaft, style: StrokeStyle(width: width + 2, color: halo, cap: .round))
            canvas.stroke(head, style: StrokeStyle(width: 2, color: halo, join: .round))
        }
        canvas.stroke(shaft, style: StrokeStyle(width: width, color: color, cap: .butt))
        canvas.fill(head, color: color)
    }
}
