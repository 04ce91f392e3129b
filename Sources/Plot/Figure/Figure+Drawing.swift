extension Figure {
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
        // Labels drawn by marks (contour values, notes) keep clear of every path and line in the panel.
        context.obstacles = panel.marks.flatMap { $0.occupiedPoints(in: context) }
        if let surface = panel.marks.lazy.compactMap({ $0 as? Heatmap }).first {
            context.background = { surface.color(under: $0, transform: t) ?? .white }
        }
        // The legend's place is chosen first so that labels drawn by marks keep clear of it.
        let entries = panel.marks.flatMap(\.legendEntries)
        let legendBox = layout.legendBelow == nil
            ? LegendBox.place(entries, placement: panel.legend, context: context, avoid: context.obstacles) : nil
        if let box = legendBox { context.reserve(box) }
        canvas.save()
        canvas.clip(to: plot)
        // Halos go under every path's line: a later path's halo must not hide an earlier path.
        let firstUnderlay = panel.marks.firstIndex { $0.hasUnderlay } ?? panel.marks.count
        for mark in panel.marks[..<firstUnderlay] { mark.draw(in: context) }
        for mark in panel.marks where mark.hasUnderlay { mark.drawUnderlay(in: context) }
        for mark in panel.marks[firstUnderlay...] { mark.draw(in: context) }
        if let box = legendBox { LegendBox.draw(entries, in: box, canvas: canvas, theme: theme) }
        canvas.restore()
        canvas.stroke(.rect(plot), style: axisStroke)
        if let below = layout.legendBelow { LegendBox.drawFlow(entries, in: below, canvas: canvas, theme: theme) }

        let tickStyle = theme.text(theme.tickFontSize)
        var tickLabelHeight = 0.0
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
        if let title = layout.title {
            let size = canvas.measureText(title, style: layout.titleStyle)
            canvas.drawText(title, style: layout.titleStyle, at: Point(plot.minX, plot.minY - size.height - 5), angle: 0)
        }
        if let bar = panel.colorbar {
            bar.draw(in: canvas, theme: theme, x: plot.maxX + max(0, layout.rightExtra - Colorbar.gap), top: plot.minY, bottom: plot.maxY)
        }
    }
}
