import Foundation

extension Figure {
    /// The scales every panel shows, honouring shared axes.
    func resolvedScales() -> [(x: Scale, y: Scale)] {
        let bounds = panels.map(\.bounds)
        var sharedX: Scale? = nil, sharedY: Scale? = nil
        if sharesX, let first = panels.first {
            let b = bounds.reduce(nil as ClosedRange<Double>?) { DataBounds.union($0, $1.x) }
            sharedX = first.x.resolve(bounds: b, tight: bounds.contains { $0.tightX })
        }
        if sharesY, let first = panels.first {
            let b = bounds.reduce(nil as ClosedRange<Double>?) { DataBounds.union($0, $1.y) }
            sharedY = first.y.resolve(bounds: b, tight: bounds.contains { $0.tightY })
        }
        return panels.enumerated().map { k, p in
            (sharedX ?? p.x.resolve(bounds: bounds[k].x, tight: bounds[k].tightX),
             sharedY ?? p.y.resolve(bounds: bounds[k].y, tight: bounds[k].tightY))
        }
    }

    /// A panel title over a plot `width` wide: on one line at the title size, or shrunk (down to 2.5 pt
    /// smaller, never under 7.5 pt) until it fits; only a title that fits at no size wraps: once, at the
    /// strongest separator (" · ", then a double space, then ", ") that gives two lines that fit, else at
    /// every " · " (and within a part too long for a line).
    func fittedTitle(_ title: String, width: Double, canvas: Canvas) -> (text: String, style: TextStyle) {
        let smallest = max(7.5, theme.titleFontSize - 2.5)
        var size = theme.titleFontSize
        while true {
            let style = theme.text(size, bold: true, alignment: .center, wrapWidth: width)
            let oneLine = canvas.measureText(title, style: theme.text(size, bold: true))
            if oneLine.width <= width { return (title, style) }
            if size <= smallest { break }
            size = max(smallest, size - 0.5)
        }
        let style = theme.text(smallest, bold: true, alignment: .center, wrapWidth: width)
        // One break, at the strongest separator that gives two lines that both fit (the narrower pair).
        let oneLine = theme.text(smallest, bold: true)
        for separator in [" · ", "  ", ", "] {
            let parts = title.components(separatedBy: separator)
            guard parts.count > 1 else { continue }
            var best: (text: String, widest: Double)? = nil
            for k in 1..<parts.count {
                let first = parts[..<k].joined(separator: separator), second = parts[k...].joined(separator: separator)
                let kept = separator == ", " ? first + "," : first
                let widest = max(canvas.measureText(kept, style: oneLine).width, canvas.measureText(second, style: oneLine).width)
                if widest <= width, best == nil || widest < best!.widest { best = (kept + "\n" + second, widest) }
            }
            if let best { return (best.text, style) }
        }
        return (title.replacingOccurrences(of: " · ", with: "\n"), style)
    }

    /// Places every panel: measures tick labels, axis labels and titles, sizes margins per column and
    /// row so nothing is clipped, and gives every plot area the same size. A panel whose automatic
    /// legend would cover drawn data inside the plot gets it below, and the layout makes room.
    func layout(in canvas: Canvas, frame: Rect) -> FigureLayout {
        let n = panels.count
        guard n > 0 else { return FigureLayout(panels: []) }
        let scales = resolvedScales()
        var below = [Double](repeating: 0, count: n)
        var result = pass(canvas: canvas, frame: frame, scales: scales, below: below)
        var moved = false
        for (k, panel) in panels.enumerated() {
            let entries = panel.marks.flatMap(\.legendEntries)
            guard !entries.isEmpty else { continue }
            var outside = panel.legend == .below
            if panel.legend == .automatic {
                let context = MarkContext(canvas: canvas, transform: result[k].transform, theme: theme)
                let avoid = panel.marks.flatMap { $0.occupiedPoints(in: context) }
                outside = LegendBox.bestInside(entries, context: context, avoid: avoid).covered > 0
            }
            if outside {
                below[k] = LegendBox.flow(entries, width: result[k].transform.plot.width, canvas: canvas, theme: theme).size.height + 6
                moved = true
            }
        }
        if moved { result = pass(canvas: canvas, frame: frame, scales: scales, below: below) }
        return FigureLayout(panels: result)
    }

    /// One layout of the panels with `below[k]` points reserved under panel k's x axis label.
    private func pass(canvas: Canvas, frame: Rect, scales: [(x: Scale, y: Scale)], below: [Double]) -> [PanelLayout] {
        let n = panels.count, cols = columns, rowCount = rows
        let tickStyle = theme.text(theme.tickFontSize), labelStyle = theme.text(theme.labelFontSize)
        let titleHeight = title.map { canvas.measureText($0, style: theme.text(theme.figureTitleFontSize, bold: true, wrapWidth: frame.width)).height + 8 } ?? 0
        let legendHeight = legend.isEmpty ? 0 : LegendBox.flow(legend, width: frame.width, canvas: canvas, theme: theme).size.height + 8
        let position = (0..<n).map { (row: $0 / cols, col: $0 % cols) }
        let showsX = (0..<n).map { k in !sharesX || k + cols >= n }
        let showsY = (0..<n).map { k in !sharesY || k % cols == 0 }
        let available = frame.height - titleHeight - legendHeight

        var plotWidth = frame.width / Double(cols) * 0.75, plotHeight = available / Double(rowCount) * 0.72
        var result: [PanelLayout] = []
        for _ in 0..<2 {
            var left = [Double](repeating: 0, count: cols), right = [Double](repeating: 0, count: cols)
            var top = [Double](repeating: 0, count: rowCount), bottom = [Double](repeating: 0, count: rowCount)
            var ticks: [([Tick], [Tick])] = []
            var extras: [Double] = [], belowTops: [Double] = [], titles: [(String, TextStyle)?] = []
            for k in 0..<n {
                let p = panels[k], (r, c) = position[k]
                let xt = p.x.ticks(on: scales[k].x, length: plotWidth, spacing: 50)
                let yt = p.y.ticks(on: scales[k].y, length: plotHeight, spacing: 42)
                ticks.append((xt, yt))
                let xSizes = xt.filter { !$0.isMinor }.map { canvas.measureText($0.label, style: tickStyle) }
                let ySizes = yt.filter { !$0.isMinor }.map { canvas.measureText($0.label, style: tickStyle) }
                let xLabelHeight = p.x.label.isEmpty ? 0 : canvas.measureText(p.x.label, style: labelStyle).height
                let yLabelHeight = p.y.label.isEmpty ? 0 : canvas.measureText(p.y.label, style: labelStyle).height
                var l = theme.tickLength + 3
                if showsY[k] { l += (ySizes.map(\.width).max() ?? 0) + 2 + (yLabelHeight > 0 ? yLabelHeight + 5 : 0) }
                var b = theme.tickLength + 3
                if showsX[k] { b += (xSizes.map(\.height).max() ?? 0) + 1 + (xLabelHeight > 0 ? xLabelHeight + 4 : 0) }
                belowTops.append(b)
                b += below[k]
                let halfTick = (ySizes.map(\.height).max() ?? 0) / 2 + 2
                let fitted = p.title.map { fittedTitle($0, width: plotWidth, canvas: canvas) }
                titles.append(fitted)
                let titleSpace = fitted.map { canvas.measureText($0.text, style: $0.style).height + 6 } ?? 0
                let t = max(halfTick, titleSpace)
                let overhang = showsX[k] ? (xSizes.last.map { $0.width / 2 + 2 } ?? 4) : 4
                let extra = max(overhang, 6)
                extras.append(extra)
                var rr = extra
                if let bar = p.colorbar { rr += bar.width(canvas: canvas, theme: theme, length: plotHeight) }
                left[c] = max(left[c], l); right[c] = max(right[c], rr)
                top[r] = max(top[r], t); bottom[r] = max(bottom[r], b)
            }
            let figureBar = colorbar.map { $0.width(canvas: canvas, theme: theme, length: plotHeight) + 4 } ?? 0
            let gap = 6.0
            plotWidth = max(10, (frame.width - figureBar - left.reduce(0, +) - right.reduce(0, +) - gap * Double(cols - 1)) / Double(cols))
            plotHeight = max(10, (available - top.reduce(0, +) - bottom.reduce(0, +) - gap * Double(rowCount - 1)) / Double(rowCount))
            result = []
            for k in 0..<n {
                let (r, c) = position[k]
                var x = frame.minX
                for cc in 0..<c { x += left[cc] + plotWidth + right[cc] + gap }
                x += left[c]
                var y = frame.minY + titleHeight
                for rr in 0..<r { y += top[rr] + plotHeight + bottom[rr] + gap }
                y += top[r]
                let plot = Rect(x: x, y: y, width: plotWidth, height: plotHeight)
                let legendBelow = below[k] > 0
                    ? Rect(x: plot.minX, y: plot.maxY + belowTops[k] + 3, width: plot.width, height: below[k] - 6) : nil
                result.append(PanelLayout(transform: PanelTransform(x: scales[k].x, y: scales[k].y, plot: plot),
                                          xTicks: ticks[k].0, yTicks: ticks[k].1, showsXTickLabels: showsX[k],
                                          showsYTickLabels: showsY[k], leftMargin: left[c], rightExtra: extras[k],
                                          titleStyle: titles[k]?.1 ?? theme.text(theme.titleFontSize, bold: true),
                                          title: titles[k]?.0, legendBelow: legendBelow))
            }
        }
        // Ticks and titles for the final plot size (the count may change slightly from the estimate).
        for k in 0..<n {
            let plot = result[k].transform.plot
            result[k].xTicks = panels[k].x.ticks(on: scales[k].x, length: plot.width, spacing: 50)
            result[k].yTicks = panels[k].y.ticks(on: scales[k].y, length: plot.height, spacing: 42)
            if let title = panels[k].title {
                let fitted = fittedTitle(title, width: plot.width, canvas: canvas)
                result[k].title = fitted.text; result[k].titleStyle = fitted.style
            }
        }
        return result
    }
}
