import Foundation

extension Color {
    /// CIE L* lightness, 0 (black) to 100 (white): how light the color prints in grayscale.
    ///
    /// ```
    /// Y  = 0.2126 R + 0.7152 G + 0.0722 B     (linear sRGB components)
    /// L* = 116 Y^(1/3) − 16                   (903.3 Y below Y = 0.008856)
    /// ```
    public var lightness: Double {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        let y = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
        return y > 0.008856 ? 116 * cbrt(y) - 16 : 903.3 * y
    }

    /// The halo that sets a line apart from a background of this color: white on a dark background,
    /// near-black on a light one (L* of 60 or more).
    public var contrastingHalo: Color {
        lightness >= 60 ? Color(hex: 0x141414, alpha: 0.85) : Color.white.withAlpha(0.9)
    }

    /// The halo for a line of color `line` over a surface of this color: `contrastingHalo`, unless it
    /// would swallow a line that stands out from the surface on its own (a dark line over a light
    /// surface keeps a white halo, so its color still shows).
    public func halo(for line: Color) -> Color {
        let preferred = contrastingHalo
        let swallowed = abs(line.lightness - preferred.lightness) < 35
        guard swallowed && abs(line.lightness - lightness) >= 30 else { return preferred }
        return preferred.lightness > 50 ? Color(hex: 0x141414, alpha: 0.85) : Color.white.withAlpha(0.9)
    }
}
