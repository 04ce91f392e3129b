/// Cairo's ARGB32 pixels: a native-endian 32-bit word, alpha in the top byte, colours premultiplied.
enum ARGB32 {
    /// The pixel's straight (unpremultiplied) red, green, blue and alpha, each colour rounded to
    /// the nearest of `c × 255 / a` and clamped to 255; fully opaque and fully clear pixels pass as they are.
    @inline(__always)
    static func straight(_ px: UInt32) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        let a = px >> 24
        var r = (px >> 16) & 0xFF, g = (px >> 8) & 0xFF, b = px & 0xFF
        if a != 0 && a != 0xFF {
            r = min(255, (r * 255 + a / 2) / a)
            g = min(255, (g * 255 + a / 2) / a)
            b = min(255, (b * 255 + a / 2) / a)
        }
        return (UInt8(r), UInt8(g), UInt8(b), UInt8(a))
    }
}
