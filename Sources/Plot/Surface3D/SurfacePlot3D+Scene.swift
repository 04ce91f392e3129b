import Foundation

extension SurfacePlot3D {
    /// What a path shows of itself: the steps drawn (nil where a step is missing or outside the floor's
    /// window) and, when it leaves the window for good or stops being finite, the step it does so.
    func visibleSteps(_ path: Path3D) -> (points: [DataPoint?], end: Int?) {
        let inside = path.points.indices.map { k -> DataPoint? in
            let p = path.points[k]
            guard p.isFinite, path.heights[k].isFinite, grid.x.contains(p.x), grid.y.contains(p.y) else { return nil }
            return p
        }
        guard let last = inside.lastIndex(where: { $0 != nil }) else { return (inside, path.firstStep) }
        return (inside, last == inside.count - 1 ? nil : path.firstStep + last + 1)
    }

    /// The label of a path in the legend, saying where it left the view.
    func legendLabel(_ path: Path3D) -> String {
        guard let end = visibleSteps(path).end else { return path.label }
        return "\(path.label) (off the surface from step \(end))"
    }

    /// The surface's height at (x, y), bilinear between the four nodes around it; NaN outside.
    func height(_ x: Double, _ y: Double) -> Double {
        let u = (x - grid.x.lowerBound) / grid.dx, v = (y - grid.y.lowerBound) / grid.dy
        guard u >= 0, v >= 0, u <= Double(grid.width - 1), v <= Double(grid.height - 1) else { return .nan }
        let i = min(Int(u), grid.width - 2), j = min(Int(v), grid.height - 2)
        let fu = u - Double(i), fv = v - Double(j)
        let a = grid[i, j], b = grid[i + 1, j], c = grid[i, j + 1], d = grid[i + 1, j + 1]
        return (a * (1 - fu) + b * fu) * (1 - fv) + (c * (1 - fu) + d * fu) * fv
    }

    /// The cell (i, j) under (x, y), clamped to the mesh.
    func cell(_ x: Double, _ y: Double) -> (i: Int, j: Int) {
        let u = (x - grid.x.lowerBound) / grid.dx, v = (y - grid.y.lowerBound) / grid.dy
        return (min(max(Int(u), 0), grid.width - 2), min(max(Int(v), 0), grid.height - 2))
    }
}

/// A piece of a path, drawn right after the mesh cell it lies over.
struct PathPiece {
    var points: [Point]
    var stroke: StrokeStyle
}

/// A marker or glyph on the surface: drawn over the whole mesh unless a nearer cell covers its centre.
struct SurfaceGlyph {
    var shape: MarkerShape
    var center: Point
    var size: Double
    var color: Color
    /// The cell it lies on (index into the mesh's cells) and its depth.
    var cell: Int
    var depth: Double
}

/// One drawing of a 3-D view: the camera, the page fit and the depth-sorted cells.
struct Scene {
    let plot: SurfacePlot3D
    let camera: Camera3D
    let fit: PictureFit

    /// The device point of a box point.
    func device(_ p: Point3D) -> Point { fit.device(camera.project(p)) }

    /// The device point of data (x, y, loss).
    func device(_ x: Double, _ y: Double, _ z: Double) -> Point { device(plot.box(x, y, z)) }

    /// The shaded color of a cell whose corners (box units) are `c`, at loss `value`.
    ///
    /// ```
    /// brightness = 0.72 + 0.28 · max(0, n · l)     n the cell's upward normal, l from the upper left of the eye
    /// ```
    func shade(_ c: [Point3D], value: Double) -> Color {
        let n = (c[2] - c[0]).cross(c[3] - c[1]).normalized
        let up = n.z < 0 ? Point3D(-n.x, -n.y, -n.z) : n
        let l = Point3D(camera.toward.x + 0.7 * camera.up.x - 0.5 * camera.right.x, camera.toward.y + 0.7 * camera.up.y - 0.5 * camera.right.y,
                        camera.toward.z + 0.7 * camera.up.z - 0.5 * camera.right.z).normalized
        let k = 0.72 + 0.28 * max(0, up.dot(l))
        let base = plot.colorScale.color(for: value)
        return Color(red: base.red * k, green: base.green * k, blue: base.blue * k)
    }

    /// Fills every finite cell from the farthest to the nearest, the node lines at the quarters darker, each
    /// cell followed by the pieces of paths over it; then the glyphs whose centres no nearer cell covers.
    func drawMesh(canvas: Canvas) {
        let g = plot.grid
        let w = g.width - 1, h = g.height - 1
        var cells: [(index: Int, depth: Double)] = []
        cells.reserveCapacity(w * h)
        var depths = [Double](repeating: -.infinity, count: w * h)
        for j in 0..<h {
            for i in 0..<w {
                let v = [g[i, j], g[i + 1, j], g[i + 1, j + 1], g[i, j + 1]]
                guard v.allSatisfy(\.isFinite) else { continue }
                let x = g.x.lowerBound + (Double(i) + 0.5) * g.dx, y = g.y.lowerBound + (Double(j) + 0.5) * g.dy
                let d = camera.depth(plot.box(x, y, v.reduce(0, +) / 4))
                depths[j * w + i] = d
                cells.append((j * w + i, d))
            }
        }
        cells.sort { $0.depth < $1.depth || ($0.depth == $1.depth && $0.index < $1.index) }
        let (pieces, glyphs) = attach(depths: depths)
        let lineStep = max(1, w / 4)
        var polygons = [[Point]](repeating: [], count: w * h)
        var colors = [Color](repeating: .white, count: w * h)
        for (index, _) in cells {
            let i = index % w, j = index / w
            let nodes = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
            let box = nodes.map { plot.box(g.x.lowerBound + Double($0.0) * g.dx, g.y.lowerBound + Double($0.1) * g.dy, g[$0.0, $0.1]) }
            let color = shade(box, value: nodes.map { g[$0.0, $0.1] }.reduce(0, +) / 4)
            let corners = box.map(device)
            polygons[index] = corners; colors[index] = color
            // Each cell reaches 0.3 pt past its edges, under its nearer neighbours: no hairline seams where
            // antialiasing meets antialiasing, and one path per cell (a stroke would double the file).
            let cx = corners.map(\.x).reduce(0, +) / 4, cy = corners.map(\.y).reduce(0, +) / 4
            var polygon = Path.polyline(corners.map { c -> Point in
                let d = max(hypot(c.x - cx, c.y - cy), 1e-9)
                return Point(c.x + (c.x - cx) / d * 0.3, c.y + (c.y - cy) / d * 0.3)
            })
            polygon.close()
            canvas.fill(polygon, color: color)
            let line = StrokeStyle(width: 0.3, color: Color(red: color.red * 0.55, green: color.green * 0.55, blue: color.blue * 0.55, alpha: 0.8))
            // The quarter lines inside the mesh (its outline shows by itself).
            if i > 0 && i % lineStep == 0 { canvas.stroke(.polyline([corners[0], corners[3]]), style: line) }
            if j > 0 && j % lineStep == 0 { canvas.stroke(.polyline([corners[0], corners[1]]), style: line) }
            for piece in pieces[index] ?? [] {
                // A butt-ended halo, so one piece's halo does not cut into the line of the piece before it.
                var halo = piece.stroke
                halo.width += 1.8
                halo.color = color.halo(for: piece.stroke.color)
                halo.cap = .butt
                canvas.stroke(.polyline(piece.points), style: halo)
                canvas.stroke(.polyline(piece.points), style: piece.stroke)
            }
        }
        for glyph in glyphs where !covered(glyph, cells: cells, polygons: polygons) {
            glyph.shape.draw(in: canvas, at: glyph.center, size: glyph.size, color: glyph.color,
                             edge: colors[glyph.cell].halo(for: glyph.color).withAlpha(1))
        }
    }

    /// Whether a cell nearer than `glyph` (and not next to the cell it lies on) covers its centre.
    private func covered(_ glyph: SurfaceGlyph, cells: [(index: Int, depth: Double)], polygons: [[Point]]) -> Bool {
        let w = plot.grid.width - 1
        let gi = glyph.cell % w, gj = glyph.cell / w
        for (index, depth) in cells.reversed() {
            guard depth > glyph.depth else { break }
            if abs(index % w - gi) <= 1 && abs(index / w - gj) <= 1 { continue }
            if Scene.contains(polygons[index], glyph.center) { return true }
        }
        return false
    }

    /// Whether the quadrilateral `q` contains `p` (even–odd rule).
    static func contains(_ q: [Point], _ p: Point) -> Bool {
        var inside = false
        var j = q.count - 1
        for i in q.indices {
            let a = q[i], b = q[j]
            if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
            j = i
        }
        return inside
    }

    /// The cell to draw something over (x, y) after: the nearest of the cells around it, so its
    /// neighbours at the same height do not cut into it.
    private func owner(_ x: Double, _ y: Double, depths: [Double]) -> Int {
        let w = plot.grid.width - 1, h = plot.grid.height - 1
        let (i, j) = plot.cell(x, y)
        var best = j * w + i
        for dj in -1...1 {
            for di in -1...1 {
                let ii = i + di, jj = j + dj
                guard ii >= 0, jj >= 0, ii < w, jj < h else { continue }
                if depths[jj * w + ii] > depths[best] { best = jj * w + ii }
            }
        }
        return best
    }

    /// Every path cut into pieces of at most half a cell, each given to the cell it lies over (pieces
    /// under the surface are left out); and the markers, start and end glyphs and the minimum.
    private func attach(depths: [Double]) -> (pieces: [Int: [PathPiece]], glyphs: [SurfaceGlyph]) {
        var pieces: [Int: [PathPiece]] = [:]
        var glyphs: [SurfaceGlyph] = []
        let g = plot.grid, zr = plot.zRange
        let tolerance = 0.01 * (zr.upperBound - zr.lowerBound)
        func glyph(_ shape: MarkerShape, _ p: DataPoint, _ z: Double, size: Double, color: Color) {
            let (i, j) = plot.cell(p.x, p.y)
            glyphs.append(SurfaceGlyph(shape: shape, center: device(p.x, p.y, z), size: size, color: color,
                                       cell: j * (g.width - 1) + i, depth: camera.depth(plot.box(p.x, p.y, z))))
        }
        for path in plot.paths {
            let (visible, end) = plot.visibleSteps(path)
            var stroke = path.style.stroke
            stroke.dash = []
            let screen: [Point?] = visible.indices.map { k in visible[k].map { self.device($0.x, $0.y, path.heights[k]) } }
            // Steps less than half a point apart on the page draw as one.
            var keep = Thinning.decimate(screen, tolerance: 0.5)
            // The picture spans about 3 × 2 box units, so this is the budget of a panel of its size.
            let budget = Trajectory.inkBudget(Rect(x: 0, y: 0, width: fit.scale * 3, height: fit.scale * 2))
            if let thinned = Thinning.stride(screen, indices: keep, budget: budget) {
                keep = thinned.indices
            }
            // Consecutive pieces over the same cell join into one polyline.
            var run: (cell: Int, points: [Point])? = nil
            func flush() {
                if let r = run, r.points.count >= 2 { pieces[r.cell, default: []].append(PathPiece(points: r.points, stroke: stroke)) }
                run = nil
            }
            for (a, b) in zip(keep, keep.dropFirst()) {
                guard let p = visible[a], let q = visible[b] else { flush(); continue }
                let za = path.heights[a], zb = path.heights[b]
                let n = max(1, Int((max(abs(q.x - p.x) / g.dx, abs(q.y - p.y) / g.dy) * 2).rounded(.up)))
                for s in 0..<n {
                    let t0 = Double(s) / Double(n), t1 = Double(s + 1) / Double(n), tm = (t0 + t1) / 2
                    let mx = p.x + (q.x - p.x) * tm, my = p.y + (q.y - p.y) * tm
                    guard za + (zb - za) * tm >= plot.height(mx, my) - tolerance else { flush(); continue }
                    let from = device(p.x + (q.x - p.x) * t0, p.y + (q.y - p.y) * t0, za + (zb - za) * t0)
                    let to = device(p.x + (q.x - p.x) * t1, p.y + (q.y - p.y) * t1, za + (zb - za) * t1)
                    let cell = owner(mx, my, depths: depths)
                    if run?.cell == cell { run!.points.append(to) } else { flush(); run = (cell, [from, to]) }
                }
            }
            flush()
            let spacing = max(path.style.markerSize * 2.4, Thinning.arcLength(screen, indices: keep) / 40)
            let markers = Thinning.arcLengthMarkers(screen, indices: keep, spacing: spacing)
            let lastShown = visible.lastIndex { $0 != nil }
            for k in markers where k != 0 && !(k == lastShown && end == nil) {
                guard let p = visible[k] else { continue }
                glyph(path.style.marker, p, path.heights[k], size: path.style.markerSize, color: path.style.color)
            }
            if let p = visible.first ?? nil {
                glyph(.ring, p, path.heights[0], size: path.style.markerSize * 1.8, color: path.style.color)
            }
            if end == nil, let k = lastShown, let p = visible[k] {
                glyph(.star, p, path.heights[k], size: path.style.markerSize * 1.7, color: path.style.color)
            }
        }
        if let e = plot.expected, g.x.contains(e.point.x), g.y.contains(e.point.y) {
            glyph(.crosshair, e.point, e.loss, size: 11, color: .black)
        }
        return (pieces, glyphs)
    }
}
