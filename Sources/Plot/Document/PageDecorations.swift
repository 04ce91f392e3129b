/// A filled, bordered rectangle filling its frame: the background of a results box.
struct BoxBackground: Drawable {
    var fill: Color
    var border: StrokeStyle

    func draw(in canvas: Canvas, frame: Rect) {
        canvas.fill(.rect(frame), color: fill)
        // Inset by half the line width so the border stays inside the frame.
        canvas.stroke(.rect(frame.inset(by: border.width / 2)), style: border)
    }
}

/// A horizontal rule across its frame, centered vertically.
struct HorizontalRule: Drawable {
    var style: StrokeStyle

    func draw(in canvas: Canvas, frame: Rect) {
        canvas.stroke(.polyline([Point(frame.minX, frame.midY), Point(frame.maxX, frame.midY)]), style: style)
    }
}

/// A running header or footer line: one markup string at the left edge, one at the right.
struct PageFurniture: Drawable {
    var left: String
    var right: String
    var style: TextStyle

    func draw(in canvas: Canvas, frame: Rect) {
        if !left.isEmpty { canvas.drawText(left, style: style, at: Point(frame.minX, frame.minY), angle: 0) }
        if !right.isEmpty {
            let w = canvas.measureText(right, style: style).width
            canvas.drawText(right, style: style, at: Point(frame.maxX - w, frame.minY), angle: 0)
        }
    }
}
