/// A page: its size and what is drawn where.
public struct Page: Sendable {
    /// One drawable placed in a frame on the page.
    public struct Item: Sendable {
        /// Where the item is drawn on the page, in points.
        public var frame: Rect
        /// What is drawn there.
        public var content: any Drawable
        /// `content` placed in `frame`.
        public init(frame: Rect, content: any Drawable) { self.frame = frame; self.content = content }
    }
    /// Page size in points (e.g. `Size.a4`).
    public var size: Size
    /// What is drawn, back to front.
    public var items: [Item]
    /// A page of `size` with `items`.
    public init(size: Size, items: [Item] = []) { self.size = size; self.items = items }

    /// Draws every item in order.
    public func draw(in canvas: Canvas) {
        for item in items { item.content.draw(in: canvas, frame: item.frame) }
    }
}

extension Page: Drawable {
    /// Draws every item in order, moved by `frame`'s origin (a page drawn in a frame of its own size at
    /// the origin looks exactly as `draw(in:)` draws it).
    public func draw(in canvas: Canvas, frame: Rect) {
        for item in items {
            let moved = Rect(x: item.frame.minX + frame.minX, y: item.frame.minY + frame.minY,
                             width: item.frame.width, height: item.frame.height)
            item.content.draw(in: canvas, frame: moved)
        }
    }
}

/// Pages plus the metadata a PDF carries.
public struct Document: Sendable {
    /// The pages in reading order.
    public var pages: [Page]
    /// The title in the PDF's metadata.
    public var title: String
    /// Seconds since 1970 for the PDF creation date; fixed so the same input gives the same bytes.
    public var creationDate: Int
    /// A document of `pages`; `creationDate` in seconds since 1970.
    public init(pages: [Page], title: String, creationDate: Int = 0) {
        self.pages = pages; self.title = title; self.creationDate = creationDate
    }
}
