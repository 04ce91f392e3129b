import Foundation

extension Scene {
    /// The box's front corner on the floor: x and y (±1) of the edges nearest the eye.
    var front: (x: Double, y: Double) {
        (camera.depth(Point3D(1, 0, 0)) >= camera.depth(Point3D(-1, 0, 0)) ? 1 : -1,
         camera.depth(Point3D(0, 1, 0)) >= camera.depth(Point3D(0, -1, 0)) ? 1 : -1)
    }

    /// The floor corner whose vertical edge carries the loss axis, and whether its labels go to the
    /// left: the side corner further left on the page, unless the front edge ending there sets its own
    /// labels leftwards (they would collide); then the other side corner, labelled to the right.
    var zAxis: (x: Double, y: Double, left: Bool) {
        let f = front
        var corners = [(f.x, -f.y), (-f.x, f.y)]
        corners.sort { device(Point3D($0.0, $0.1, 0)).x < device(Point3D($1.0, $1.1, 0)).x }
        let (cx, cy) = corners[0]
        // The front edge through this corner points out along x (the edge x = ±1) or y (the edge y = ±1).
        let out = cx == f.x ? Point3D(0.12 * f.x, 0, 0) : Point3D(0, 0.12 * f.y, 0)
        let a = device(Point3D(cx, cy, -SurfacePlot3D.halfHeight))
        let b = device(Point3D(cx + out.x, cy + out.y, -SurfacePlot3D.halfHeight))
        let leftward = (b.x - a.x) / max(hypot(b.x - a.x, b.y - a.y), 1e-9) < -0.6
        return leftward ? (corners[1].0, corners[1].1, false) : (cx, cy, true)
    }

    /// Tick values for the three axes (about five each).
    var ticks: (x: [Tick], y: [Tick], z: [Tick]) {
        let g = plot.grid, z = plot.zRange
        return (Ticks.linear(from: g.x.lowerBound, to: g.x.upperBound, target: 5),
                Ticks.linear(from: g.y.lowerBound, to: g.y.upperBound, target: 5),
                Ticks.linear(from: z.lowerBound, to: z.upperBound, target: 5))
    }

    /// A tick value in box units along x (axis 0), y (1) or the loss (2).
    private func unit(_ v: Double, _ axis: Int) -> Double {
        let g = plot.grid
        let p = plot.box(axis == 0 ? v : g.x.lowerBound, axis == 1 ? v : g.y.lowerBound, axis == 2 ? v : plot.zRange.lowerBound)
        return axis == 0 ? p.x : axis == 1 ? p.y : p.z
    }

    /// The floor and the two back walls as light panes with grid lines at the ticks, and the loss
    /// axis's edge: everything behind the surface.
    func drawPanes(canvas: Canvas, theme: Theme) {
        let h = SurfacePlot3D.halfHeight, f = front, t = ticks
        let fill = Color(hex: 0xF2F2F2), gridLine = StrokeStyle(width: 0.5, color: Color(hex: 0xD9D9D9))
        let edge = StrokeStyle(width: 0.5, color: Color(hex: 0xBDBDBD))
        func pane(_ corners: [Point3D]) {
            var path = Path.polyline(corners.map(device))
            path.close()
            canvas.fill(path, color: fill)
            canvas.stroke(path, style: edge)
        }
        func line(_ a: Point3D, _ b: Point3D, _ style: StrokeStyle) { canvas.stroke(.polyline([device(a), device(b)]), style: style) }
        pane([Point3D(-1, -1, -h), Point3D(1, -1, -h), Point3D(1, 1, -h), Point3D(-1, 1, -h)])
        pane([Point3D(-f.x, -1, -h), Point3D(-f.x, 1, -h), Point3D(-f.x, 1, h), Point3D(-f.x, -1, h)])
        pane([Point3D(-1, -f.y, -h), Point3D(1, -f.y, -h), Point3D(1, -f.y, h), Point3D(-1, -f.y, h)])
        for tick in t.x where !tick.isMinor {
            let x = unit(tick.value, 0)
            line(Point3D(x, -1, -h), Point3D(x, 1, -h), gridLine)
            line(Point3D(x, -f.y, -h), Point3D(x, -f.y, h), gridLine)
        }
        for tick in t.y where !tick.isMinor {
            let y = unit(tick.value, 1)
            line(Point3D(-1, y, -h), Point3D(1, y, -h), gridLine)
            line(Point3D(-f.x, y, -h), Point3D(-f.x, y, h), gridLine)
        }
        for tick in t.z where !tick.isMinor {
            let z = unit(tick.value, 2)
            line(Point3D(-f.x, -1, z), Point3D(-f.x, 1, z), gridLine)
            line(Point3D(-1, -f.y, z), Point3D(1, -f.y, z), gridLine)
        }
        let c = zAxis
        line(Point3D(c.x, c.y, -h), Point3D(c.x, c.y, h), StrokeStyle(width: theme.axisWidth, color: theme.axisColor))
    }

    /// The x and y axes along the front floor edges and the loss axis on the left vertical edge: edges,
    /// ticks, tick labels and names.
    func drawAxes(canvas: Canvas, theme: Theme) {
        let h = SurfacePlot3D.halfHeight, f = front, t = ticks
        let axis = StrokeStyle(width: theme.axisWidth, color: theme.axisColor)
        let tickStyle = theme.text(theme.tickFontSize), labelStyle = theme.text(theme.labelFontSize)
        /// Ticks and labels along the edge `at(u)` (u in box units), pointing out along `out` (box units).
        func edge(_ ticks: [Tick], _ axisIndex: Int, at: (Double) -> Point3D, out: Point3D, name: String) {
            let a = device(at(-1)), b = device(at(1))
            canvas.stroke(.polyline([a, b]), style: axis)
            var widest = 0.0
            var direction = Point(0, 1)
            for tick in ticks where !tick.isMinor {
                let p3 = at(unit(tick.value, axisIndex))
                let p = device(p3), q = device(Point3D(p3.x + out.x, p3.y + out.y, p3.z + out.z))
                let len = max(hypot(q.x - p.x, q.y - p.y), 1e-9)
                direction = Point((q.x - p.x) / len, (q.y - p.y) / len)
                canvas.stroke(.polyline([p, Point(p.x + direction.x * theme.tickLength, p.y + direction.y * theme.tickLength)]), style: axis)
                let size = canvas.measureText(tick.label, style: tickStyle)
                let extent = abs(direction.x) * size.width / 2 + abs(direction.y) * size.height / 2
                widest = max(widest, extent * 2)
                let c = Point(p.x + direction.x * (theme.tickLength + 3 + extent), p.y + direction.y * (theme.tickLength + 3 + extent))
                canvas.drawText(tick.label, style: tickStyle, at: Point(c.x - size.width / 2, c.y - size.height / 2), angle: 0)
            }
            let size = canvas.measureText(name, style: labelStyle)
            let extent = abs(direction.x) * size.width / 2 + abs(direction.y) * size.height / 2
            let mid = Point((a.x + b.x) / 2, (a.y + b.y) / 2), away = theme.tickLength + 6 + widest + extent
            canvas.drawText(name, style: labelStyle, at: Point(mid.x + direction.x * away - size.width / 2, mid.y + direction.y * away - size.height / 2), angle: 0)
        }
        edge(t.x, 0, at: { Point3D($0, f.y, -h) }, out: Point3D(0, 0.12 * f.y, 0), name: plot.xLabel)
        edge(t.y, 1, at: { Point3D(f.x, $0, -h) }, out: Point3D(0.12 * f.x, 0, 0), name: plot.yLabel)
        // The loss axis: labels beside its edge, the name turned a quarter like a y axis label.
        let c = zAxis, side = c.left ? -1.0 : 1.0
        var widest = 0.0
        for tick in t.z where !tick.isMinor {
            let p = device(Point3D(c.x, c.y, unit(tick.value, 2)))
            canvas.stroke(.polyline([p, Point(p.x + side * theme.tickLength, p.y)]), style: axis)
            let size = canvas.measureText(tick.label, style: tickStyle)
            widest = max(widest, size.width)
            let x = c.left ? p.x - theme.tickLength - 2 - size.width : p.x + theme.tickLength + 2
            canvas.drawText(tick.label, style: tickStyle, at: Point(x, p.y - size.height / 2), angle: 0)
        }
        let bottom = device(Point3D(c.x, c.y, -h)), top = device(Point3D(c.x, c.y, h))
        let size = canvas.measureText(plot.zLabel, style: labelStyle)
        let x = c.left ? bottom.x - theme.tickLength - 6 - widest - size.height : bottom.x + theme.tickLength + 6 + widest
        canvas.drawText(plot.zLabel, style: labelStyle, at: Point(x, (bottom.y + top.y) / 2 + size.width / 2), angle: -Double.pi / 2)
    }
}
