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

    /// Places every panel: measures tick labels, axis labels and titles, sizes margins per column and
    /// row so nothing is clipped, and gives every plot area the same size.
    func layout(in canvas: Canvas, frame: Rect) -> FigureLayout {
        let scales = resolvedScales()
        let n = panels.count, cols = columns, rowCount = rows
        guard n > 0 else { return FigureLayout(panels: []) }
        let tickStyle = theme.text(theme.tickFontSize), labelStyle = theme.text(theme.labelFontSize)
        let titleHeight = title.map { canvas.measureText($0, style: theme.text(theme.figureTitleFontSize, bold: true, wrapWidth: frame.width)).height + 8 } ?? 0
        let position = (0..<n).map { (row: $0 / cols, col: $0 % cols) }
        let showsX = (0..<n).map { k in !sharesX || k + cols >= n }
        let showsY = (0..<n).map { k in !sharesY || k % cols == 0 }

        var plotWidth = frame.width / Double(cols) * 0.75, plotHeight = (frame.height - titleHeight) / Double(rowCount) * 0.72
        var result: [PanelLayout] = []
        for _ in 0..<2 {
            var left = [Double](repeating: 0, count: cols), right = [Double](repeating: 0, count: cols)
            var top = [Double](repeating: 0, count: rowCount), bottom = [Double](repeating: 0, count: rowCount)
            var ticks: [([Tick], [Tick])] = []
            var extras: [Double] = []
            for k in 0..<n {
                let p = panels[k], (r, c) = position[k]
                let xt = p.x.ticks ?? scales[k].x.ticks(length: plotWidth, spacing: 50)
                let yt = p.y.ticks ?? scales[k].y.ticks(length: plotHeight, spacing: 42)
                ticks.append((xt, yt))
                let xSizes = xt.filter { !$0.isMinor }.map { canvas.measureText($0.label, style: tickStyle) }
                let ySizes = yt.filter { !$0.isMinor }.map { canvas.measureText($0.label, style: tickStyle) }
                let xLabelHeight = p.x.label.isEmpty ? 0 : canvas.measureText(p.x.label, style: labelStyle).height
                let yLabelHeight = p.y.label.isEmpty ? 0 : canvas.measureText(p.y.label, style: labelStyle).height
                var l = theme.tickLength + 3
                if showsY[k] { l += (ySizes.map(\.width).max() ?? 0) + 2 + (yLabelHeight > 0 ? yLabelHeight + 5 : 0) }
                var b = theme.tickLength + 3
                if showsX[k] { b += (xSizes.map(\.height).max() ?? 0) + 1 + (xLabelHeight > 0 ? xLabelHeight + 4 : 0) }
                let halfTick = (ySizes.map(\.height).max() ?? 0) / 2 + 2
                let titleSpace = p.title.map {
                    canvas.measureText($0, style: theme.text(theme.titleFontSize, bold: true, alignment: .center, wrapWidth: plotWidth)).height + 6
                } ?? 0
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
            plotHeight = max(10, (frame.height - titleHeight - top.reduce(0, +) - bottom.reduce(0, +) - gap * Double(rowCount - 1)) / Double(rowCount))
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
                result.append(PanelLayout(transform: PanelTransform(x: scales[k].x, y: scales[k].y, plot: plot),
                                          xTicks: ticks[k].0, yTicks: ticks[k].1, showsXTickLabels: showsX[k],
                                          showsYTickLabels: showsY[k], leftMargin: left[c], rightExtra: extras[k]))
            }
        }
        // Ticks for the final plot size (the count may change slightly from the estimate).
        for k in 0..<n {
            let plot = result[k].transform.plot
            result[k].xTicks = panels[k].x.ticks ?? scales[k].x.ticks(length: plot.width, spacing: 50)
            result[k].yTicks = panels[k].y.ticks ?? scales[k].y.ticks(length: plot.height, spacing: 42)
        }
        return FigureLayout(panels: result)
    }

    /// Draws one panel: grid, marks (clipped), legend, frame, ticks, labels, title, colorbar.
    func drawPanel(_ panel: Panel, layout: PanelLayout, canvas: Canvas) {
        let t = layout.transform, plot = t.plot
        let axisStroke = StrokeStyle(width: theme.axisWidth, color: theme.axisColor)
        let xTicks = layout.xTicks.filter { t.x.contains($0.value) }
        let yTicks = layout.yTicks.filter { t.y.contains($0.value) }
        if panel.x.grid {
            for tick in xTicks where !tick.isMinor {
                let x = t.deviceX(tick.value)
                canvas.stroke(.polyline([Point(x, plot.minY), Point(x, plot.maxY)]), style: StrokeStyle(width: 0.4, color: theme.gridColor))
            }
        }
        if panel.y.grid {
            for tick in yTicks where !tick.isMinor {
                let y = t.deviceY(tick.value)
                canvas.stroke(.polyline([Point(plot.minX, y), Point(plot.maxX, y)]), style: StrokeStyle(width: 0.4, color: theme.gridColor))
            }
        }
        let context = MarkContext(canvas: canvas, transform: t, theme: theme)
        // The legend's place is chosen first so that labels drawn by marks keep clear of it.
        let entries = panel.marks.flatMap(\.legendEntries)
        let avoid = entries.isEmpty ? [] : panel.marks.flatMap { $0.occupiedPoints(in: context) }
        let legendBox = LegendBox.place(entries, placement: panel.legend, context: context, avoid: avoid)
        if let box = legendBox { context.reserve(box) }
        canvas.save()
        canvas.clip(to: plot)
        for mark in panel.marks { mark.draw(in: context) }
        if let box = legendBox { LegendBox.draw(entries, in: box, context: context) }
        canvas.restore()
        canvas.stroke(.rect(plot), style: axisStroke)

        let tickStyle = theme.text(theme.tickFontSize)
        var tickLabelHeight = 0.0, tickLabelWidth = 0.0
        for tick in xTicks {
            let x = t.deviceX(tick.value)
            let len = tick.isMinor ? theme.tickLength * 0.6 : theme.tickLength
            canvas.stroke(.polyline([Point(x, plot.maxY), Point(x, plot.maxY + len)]), style: axisStroke)
            guard layout.showsXTickLabels, !tick.isMinor else { continue }
            let size = canvas.measureText(tick.label, style: tickStyle)
            tickLabelHeight = max(tickLabelHeight, size.height)
            canvas.drawText(tick.label, style: tickStyle, at: Point(x - size.width / 2, plot.maxY + theme.tickLength + 1.5), angle: 0)
        }
        for tick in yTicks {
            let y = t.deviceY(tick.value)
            let len = tick.isMinor ? theme.tickLength * 0.6 : theme.tickLength
            canvas.stroke(.polyline([Point(plot.minX - len, y), Point(plot.minX, y)]), style: axisStroke)
            guard layout.showsYTickLabels, !tick.isMinor else { continue }
            let size = canvas.measureText(tick.label, style: tickStyle)
            tickLabelWidth = max(tickLabelWidth, size.width)
            canvas.drawText(tick.label, style: tickStyle, at: Point(plot.minX - theme.tickLength - 2 - size.width, y - size.height / 2), angle: 0)
        }
        let labelStyle = theme.text(theme.labelFontSize)
        if layout.showsXTickLabels && !panel.x.label.isEmpty {
            let size = canvas.measureText(panel.x.label, style: labelStyle)
            canvas.drawText(panel.x.label, style: labelStyle,
                            at: Point(plot.midX - size.width / 2, plot.maxY + theme.tickLength + 1.5 + tickLabelHeight + 3), angle: 0)
        }
        if layout.showsYTickLabels && !panel.y.label.isEmpty {
            let size = canvas.measureText(panel.y.label, style: labelStyle)
            canvas.drawText(panel.y.label, style: labelStyle, at: Point(plot.minX - layout.leftMargin + 2, plot.midY + size.width / 2),
                            angle: -Double.pi / 2)
        }
        if let title = panel.title {
            let style = theme.text(theme.titleFontSize, bold: true, alignment: .center, wrapWidth: plot.width)
            let size = canvas.measureText(title, style: style)
            canvas.drawText(title, style: style, at: Point(plot.minX, plot.minY - size.height - 5), angle: 0)
        }
        if let bar = panel.colorbar {
            bar.draw(in: canvas, theme: theme, x: plot.maxX + max(0, layout.rightExtra - Colorbar.gap), top: plot.minY, bottom: plot.maxY)
        }
    }
}
