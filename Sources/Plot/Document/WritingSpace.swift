/// Room for a student's handwriting: a box with evenly ruled lines, light enough to write over and
/// plain in grayscale.
public struct WritingSpace: Drawable {
    /// Ruled lines in the box.
    public var lines: Int
    /// Distance between lines in points (22 pt is about 8 mm, a school ruling).
    public var lineSpacing: Double

    /// A box of `lines` ruled lines, `lineSpacing` points apart.
    public init(lines: Int, lineSpacing: Double = 22) {
        self.lines = max(1, lines); self.lineSpacing = lineSpacing
    }

    /// The height the box needs: one spacing per line and half a spacing below the last.
    public var height: Double { (Double(lines) + 0.5) * lineSpacing }

    /// Draws the border and the rules across `frame`.
    public func draw(in canvas: Canvas, frame: Rect) {
        let border = StrokeStyle(width: 0.7, color: Color(hex: 0x8C8C8C))
        canvas.stroke(.rect(frame.inset(by: border.width / 2)), style: border)
        let rule = StrokeStyle(width: 0.45, color: Color(hex: 0xB3B3B3))
        for k in 1...lines {
            let y = frame.minY + Double(k) * lineSpacing
            guard y < frame.maxY - 2 else { break }
            canvas.stroke(.polyline([Point(frame.minX + 8, y), Point(frame.maxX - 8, y)]), style: rule)
        }
    }
}

/// One line of markup with a rule after it, across its frame: `Name ________  Date ______` fields.
public struct FieldLine: Drawable {
    /// The labels, left to right, each followed by a rule to write on.
    public var labels: [String]
    /// The labels' font.
    public var style: TextStyle

    /// Fields labelled `labels` (markup), sharing the width equally.
    public init(labels: [String], style: TextStyle) { self.labels = labels; self.style = style }

    /// Draws each label and its rule in an equal share of `frame`.
    public func draw(in canvas: Canvas, frame: Rect) {
        guard !labels.isEmpty else { return }
        let share = frame.width / Double(labels.count)
        let rule = StrokeStyle(width: 0.6, color: Color(hex: 0x595959))
        for (k, label) in labels.enumerated() {
            let x = frame.minX + Double(k) * share
            let size = canvas.measureText(label, style: style)
            canvas.drawText(label, style: style, at: Point(x, frame.maxY - size.height - 2), angle: 0)
            let start = x + size.width + 4, end = x + share - 14
            if end > start { canvas.stroke(.polyline([Point(start, frame.maxY - 3), Point(end, frame.maxY - 3)]), style: rule) }
        }
    }
}
