/// A map from the unit interval to colors, stored as an evenly sampled table and interpolated linearly.
public struct Colormap: Equatable, Sendable {
    /// A short name for dumps and legends.
    public var name: String
    /// Evenly spaced samples, 0xRRGGBB, from t = 0 to t = 1.
    public var table: [UInt32]
    /// Whether the map is diverging (a neutral middle for zero).
    public var isDiverging: Bool

    /// A colormap from evenly spaced 0xRRGGBB samples (at least two).
    public init(name: String, table: [UInt32], isDiverging: Bool = false) {
        precondition(table.count >= 2, "a colormap needs at least two samples")
        self.name = name; self.table = table; self.isDiverging = isDiverging
    }

    /// Perceptually uniform, dark violet to yellow; matplotlib's default. Lightness rises monotonically,
    /// so it stays readable in grayscale.
    public static let viridis = Colormap(name: "viridis", table: viridisTable)
    /// Perceptually uniform, dark blue to yellow, designed for colour-vision deficiency; monotonic lightness.
    public static let cividis = Colormap(name: "cividis", table: cividisTable)
    /// Diverging blue–white–red (matplotlib's RdBu reversed): negative blue, zero white, positive red.
    public static let blueWhiteRed = Colormap(name: "blue-white-red", table: blueWhiteRedTable, isDiverging: true)
    /// Light to dark blue, for "early → late" sequences (model curves over training steps).
    public static let lightToDarkBlue = Colormap(name: "light-to-dark", table: [0xC6DBEF, 0x6BAED6, 0x2171B5, 0x08306B])

    /// The color at `t` ∈ [0, 1] (clamped).
    public func color(at t: Double) -> Color {
        let (r, g, b) = rgb(at: t)
        return Color(red: Double(r) / 255, green: Double(g) / 255, blue: Double(b) / 255)
    }

    /// The 8-bit components at `t` ∈ [0, 1] (clamped), interpolated between samples.
    public func rgb(at t: Double) -> (UInt8, UInt8, UInt8) {
        let clamped = t.isNaN ? 0 : Swift.min(1, Swift.max(0, t))
        let position = clamped * Double(table.count - 1)
        let i = Swift.min(table.count - 2, Int(position))
        let f = position - Double(i)
        let a = table[i], b = table[i + 1]
        func mix(_ shift: UInt32) -> UInt8 {
            let x = Double((a >> shift) & 0xFF), y = Double((b >> shift) & 0xFF)
            return UInt8((x + (y - x) * f).rounded())
        }
        return (mix(16), mix(8), mix(0))
    }
}
