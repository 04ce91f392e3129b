import Foundation

/// Maps data values to colors: a scale (linear or log) over a value range, a colormap, and a color for
/// values that have none (NaN, ±∞, or not positive on a log scale).
public struct ColorScale: Equatable, Sendable {
    /// How values are spread over the colormap.
    public var scale: Scale
    /// The colors.
    public var colormap: Colormap
    /// Drawn where a value is missing: a neutral mid gray that no sequential map in this file produces.
    public var missing: Color

    /// The neutral "missing" color.
    public static let missingGray = Color(hex: 0x9A9A9A)

    /// A color scale over `scale`'s domain.
    public init(scale: Scale, colormap: Colormap = .viridis, missing: Color = ColorScale.missingGray) {
        self.scale = scale; self.colormap = colormap; self.missing = missing
    }

    /// How to choose between linear and log spacing when fitting values.
    public enum Spacing: Equatable, Sendable {
        /// Log when every finite value is positive and the bulk of them (5th to 95th percentile) spans two
        /// decades or more; a single near-zero minimum does not make a bowl logarithmic.
        case automatic
        case linear
        case log
    }

    /// A scale fitted to the finite values in `values`.
    ///
    /// Diverging colormaps get a domain symmetric about zero so that white means 0.
    public static func fitting(_ values: [Double], colormap: Colormap = .viridis, spacing: Spacing = .automatic) -> ColorScale {
        var lo = Double.infinity, hi = -Double.infinity, lowestPositive = Double.infinity
        for v in values where v.isFinite {
            lo = Swift.min(lo, v); hi = Swift.max(hi, v)
            if v > 0 { lowestPositive = Swift.min(lowestPositive, v) }
        }
        if !lo.isFinite { return ColorScale(scale: Scale(.linear, lower: 0, upper: 1), colormap: colormap) }
        if colormap.isDiverging {
            let m = Swift.max(abs(lo), abs(hi), Double.leastNormalMagnitude)
            return ColorScale(scale: Scale(.linear, lower: -m, upper: m), colormap: colormap)
        }
        let useLog: Bool
        switch spacing {
        case .linear: useLog = false
        case .log: useLog = lowestPositive.isFinite && hi > lowestPositive
        case .automatic: useLog = lo > 0 && ColorScale.bulkSpansDecades(values)
        }
        if useLog {
            return ColorScale(scale: Scale(.log, lower: Swift.max(lo, lowestPositive), upper: hi), colormap: colormap)
        }
        if hi == lo { return ColorScale(scale: Scale(.linear, lower: lo - 0.5, upper: hi + 0.5), colormap: colormap) }
        return ColorScale(scale: Scale(.linear, lower: lo, upper: hi), colormap: colormap)
    }

    /// Whether the 5th–95th percentile range of the finite values spans a factor of 100 or more.
    static func bulkSpansDecades(_ values: [Double]) -> Bool {
        let stride = Swift.max(1, values.count / 20_000)
        var sample: [Double] = []
        for k in Swift.stride(from: 0, to: values.count, by: stride) where values[k].isFinite { sample.append(values[k]) }
        guard sample.count >= 2 else { return false }
        sample.sort()
        let p5 = sample[Int(Double(sample.count - 1) * 0.05)], p95 = sample[Int(Double(sample.count - 1) * 0.95)]
        return p5 > 0 && p95 / p5 >= 100
    }

    /// The color for `value`; `missing` when it has none.
    public func color(for value: Double) -> Color {
        guard let (r, g, b) = rgb(for: value) else { return missing }
        return Color(red: Double(r) / 255, green: Double(g) / 255, blue: Double(b) / 255)
    }

    /// 8-bit components for `value`, or nil when it is missing. Values outside the domain are clamped;
    /// zero and negative values on a log scale take the lowest color.
    public func rgb(for value: Double) -> (UInt8, UInt8, UInt8)? {
        guard value.isFinite else { return nil }
        if scale.kind == .log && value <= 0 { return colormap.rgb(at: 0) }
        return colormap.rgb(at: scale.normalized(value))
    }

    /// `values` as RGBA pixels (alpha 255, missing values in `missing`), in the given order.
    ///
    /// Colors come from a `Lookup` table, so they may differ from `rgb(for:)` by one unit in a channel.
    public func pixels(_ values: [Double]) -> [UInt8] {
        var out = [UInt8](repeating: 255, count: values.count * 4)
        let lookup = Lookup(self)
        out.withUnsafeMutableBytes { raw in
            let px = raw.bindMemory(to: UInt32.self)
            for i in values.indices { px[i] = lookup.rgba(values[i]) }
        }
        return out
    }

    /// A color scale tabulated for many values: the colormap sampled `subdivisions` times between each
    /// pair of its own samples, so a color costs a scale position and a table read, with no rounding.
    ///
    /// ```
    /// index = ⌊t · (count − 1) + ½⌋,   t = scale.normalized(v) clamped to [0, 1]
    /// ```
    /// With at least 4096 entries the table is off the interpolated colormap by under half a unit in a
    /// channel before rounding, so at most one unit after it.
    public struct Lookup: Sendable {
        /// RGBA words whose bytes in memory are R, G, B, A (alpha 255).
        let entries: [UInt32]
        let missing: UInt32
        let scale: Scale
        let last: Double

        /// The table for `colorScale`.
        public init(_ colorScale: ColorScale) {
            let map = colorScale.colormap
            let subdivisions = Swift.max(16, (4096 + map.table.count - 2) / (map.table.count - 1))
            let count = (map.table.count - 1) * subdivisions + 1
            entries = (0..<count).map { k in
                let (r, g, b) = map.rgb(at: Double(k) / Double(count - 1))
                return Lookup.word(r, g, b)
            }
            let m = colorScale.missing
            missing = Lookup.word(UInt8((m.red * 255).rounded()), UInt8((m.green * 255).rounded()), UInt8((m.blue * 255).rounded()))
            scale = colorScale.scale
            last = Double(count - 1)
        }

        static func word(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt32 {
            UInt32(littleEndian: UInt32(r) | UInt32(g) << 8 | UInt32(b) << 16 | 0xFF00_0000)
        }

        /// The RGBA word (bytes R, G, B, 255 in memory) for `value`; `missing` when it has none.
        @inline(__always)
        public func rgba(_ value: Double) -> UInt32 {
            guard value.isFinite else { return missing }
            if scale.kind == .log && value <= 0 { return entries[0] }
            let t = scale.normalized(value)
            // NaN and values outside the domain clamp, as in `Colormap.rgb(at:)`.
            let clamped = t.isNaN ? 0 : Swift.min(1, Swift.max(0, t))
            return entries[Int(clamped * last + 0.5)]
        }
    }
}
