import Foundation

/// A color key beside a panel or a figure: the color scale as a bar, its ticks, and a label naming the
/// quantity (and its unit).
public struct Colorbar: Equatable, Sendable {
    /// The scale drawn.
    public var colorScale: ColorScale
    /// The label, e.g. `"loss f(x, y)"`.
    public var label: String
    /// Contour levels to mark on the bar as thin lines; empty for none.
    public var levels: [Double]

    /// A colorbar for `colorScale` labelled `label`.
    public init(_ colorScale: ColorScale, label: String, levels: [Double] = []) {
        self.colorScale = colorScale; self.label = label; self.levels = levels
    }

    static let gap = 10.0, barWidth = 11.0

    /// At least four labelled nice ticks for a bar `length` points tall (two or three only when the
    /// labels would not fit four), as many as fit a label height apart.
    ///
    /// Linear scales take the fewest 1-2-2.5-5 steps that give four ticks; log scales label every few
    /// decades, every decade, then 1-2-5 and every mantissa until four are labelled and fit; linear
    /// ticks when no set fits.
    public func ticks(length: Double, canvas: Canvas, theme: Theme) -> [Tick] {
        let labelHeight = canvas.measureText("0", style: theme.text(theme.tickFontSize)).height
        let room = max(2, Int(length / (labelHeight * 1.25)))
        let wanted = min(4, room)
        let s = colorScale.scale
        func labelled(_ t: [Tick]) -> Int { t.filter { !$0.isMinor }.count }
        if s.kind == .log {
            let lo = s.minimum, hi = s.maximum
            let e0 = Int(floor(log10(lo) + 1e-9)), e1 = Int(ceil(log10(hi) - 1e-9))
            let plain = e0 >= -3 && e1 <= 4
            // Label sets from sparse to dense: the scale's own, every decade, 1-2-5, every mantissa.
            var sets: [[Tick]] = [s.ticks(length: length, spacing: 40).filter { !$0.isMinor }]
            for mantissas in [[1], [1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]] {
                var set: [Tick] = []
                for e in e0...e1 {
                    for m in mantissas {
                        let v = Double(m) * pow(10, Double(e))
                        guard v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9) else { continue }
                        set.append(Tick(value: v, label: plain ? Ticks.format(v, step: pow(10, Double(e))) : Ticks.power(mantissa: m, exponent: e)))
                    }
                }
                sets.append(set)
            }
            if let fits = sets.first(where: { $0.count >= wanted && $0.count <= room }) { return fits }
            if let most = sets.filter({ $0.count >= 2 && $0.count <= room }).max(by: { $0.count < $1.count }) { return most }
        }
        var best = Ticks.linear(from: s.minimum, to: s.maximum, target: wanted)
        for target in wanted...max(wanted, 12) {
            let t = Ticks.linear(from: s.minimum, to: s.maximum, target: target)
            guard labelled(t) <= room else { break }
            best = t
            if labelled(t) >= wanted { break }
        }
        return best
    }

    /// Width the colorbar takes beside a plot `length` points tall, tick labels and label included.
    func width(canvas: Canvas, theme: Theme, length: Double) -> Double {
        let tickStyle = theme.text(theme.tickFontSize)
        let widest = ticks(length: length, canvas: canvas, theme: theme).filter { !$0.isMinor }
            .map { canvas.measureText($0.label, style: tickStyle).width }.max() ?? 0
        let labelHeight = canvas.measureText(label, style: theme.text(theme.labelFontSize)).height
        return Colorbar.gap + Colorbar.barWidth + theme.tickLength + 2 + widest + 5 + labelHeight
    }

    /// Draws the bar with its left edge at `x`, spanning `top…bottom`.
    func draw(in canvas: Canvas, theme: Theme, x: Double, top: Double, bottom: Double) {
        let bar = Rect(x: x + Colorbar.gap, y: top, width: Colorbar.barWidth, height: bottom - top)
        let steps = 256
        var values = [Double](repeating: 0, count: steps)
        for k in 0..<steps { values[k] = colorScale.scale.value(at: 1 - (Double(k) + 0.5) / Double(steps)) }
        let rgba = colorScale.pixels(values)
        canvas.draw(RasterImage(width: 1, height: steps, rgba: rgba), in: bar, smooth: true)
        // A colorbar's own transform: only y matters (x is the bar's width).
        let t = PanelTransform(x: Scale(.linear, lower: 0, upper: 1), y: colorScale.scale, plot: bar)
        for level in levels where colorScale.scale.contains(level) {
            let y = t.deviceY(level)
            canvas.stroke(.polyline([Point(bar.minX, y), Point(bar.maxX, y)]),
                          style: StrokeStyle(width: 0.4, color: Color(hex: 0x202020, alpha: 0.6)))
        }
        canvas.stroke(.rect(bar), style: StrokeStyle(width: theme.axisWidth, color: theme.axisColor))
        let tickStyle = theme.text(theme.tickFontSize)
        var widest = 0.0
        for tick in ticks(length: bar.height, canvas: canvas, theme: theme) {
            let y = t.deviceY(tick.value)
            guard y.isFinite, y >= bar.minY - 0.01, y <= bar.maxY + 0.01 else { continue }
            let len = tick.isMinor ? theme.tickLength * 0.6 : theme.tickLength
            canvas.stroke(.polyline([Point(bar.maxX, y), Point(bar.maxX + len, y)]),
                          style: StrokeStyle(width: theme.axisWidth, color: theme.axisColor))
            guard !tick.isMinor else { continue }
            let size = canvas.measureText(tick.label, style: tickStyle)
            widest = max(widest, size.width)
            canvas.drawText(tick.label, style: tickStyle, at: Point(bar.maxX + theme.tickLength + 2, y - size.height / 2), angle: 0)
        }
        let labelStyle = theme.text(theme.labelFontSize)
        let size = canvas.measureText(label, style: labelStyle)
        // Rotated a quarter turn anticlockwise, reading upwards like a y-axis label.
        let lx = bar.maxX + theme.tickLength + 2 + widest + 5
        canvas.drawText(label, style: labelStyle, at: Point(lx, bar.midY + size.width / 2), angle: -Double.pi / 2)
    }
}
