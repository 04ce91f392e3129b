import Plot
import Testing

@Suite struct ColorTests {
    @Test func viridisEndpointsMatchMatplotlib() {
        #expect(Colormap.viridis.rgb(at: 0) == (0x44, 0x01, 0x54))
        #expect(Colormap.viridis.rgb(at: 1) == (0xFD, 0xE7, 0x25))
        #expect(Colormap.cividis.rgb(at: 0) == (0x00, 0x22, 0x4E))
        #expect(Colormap.cividis.rgb(at: 1) == (0xFE, 0xE8, 0x38))
    }

    @Test(arguments: [Colormap.viridis, Colormap.cividis])
    func sequentialMapsGetLighterMonotonicallyInGrayscale(map: Colormap) {
        var last = -1.0
        for k in 0...64 {
            let c = map.color(at: Double(k) / 64)
            let luminance = 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue
            #expect(luminance > last - 0.004)
            last = luminance
        }
    }

    @Test func divergingMapIsWhiteInTheMiddleAndSymmetric() {
        let scale = ColorScale.fitting([-3, 1, 2], colormap: .blueWhiteRed)
        #expect(scale.scale.lower == -3 && scale.scale.upper == 3)
        let mid = scale.color(for: 0)
        #expect(mid.red > 0.9 && mid.green > 0.9 && mid.blue > 0.9)
        #expect(scale.color(for: -3).blue > scale.color(for: -3).red)
        #expect(scale.color(for: 3).red > scale.color(for: 3).blue)
    }

    @Test func missingValuesGetTheNeutralColor() {
        let scale = ColorScale(scale: Scale(.log, lower: 1e-3, upper: 10))
        #expect(scale.color(for: .nan) == ColorScale.missingGray)
        #expect(scale.color(for: .infinity) == ColorScale.missingGray)
        #expect(scale.color(for: -.infinity) == ColorScale.missingGray)
        #expect(scale.rgb(for: 0)! == Colormap.viridis.rgb(at: 0))
        let pixels = scale.pixels([.nan, 10])
        #expect(pixels[0] == 0x9A && pixels[3] == 255 && pixels[4] == 0xFD)
    }

    @Test func logScalingOnlyWhenTheBulkSpansDecades() {
        let bowl = SurfaceGrid(x: -5...5, y: -3...3, resolution: 100) { x, y in 0.5 * (x * x + 10 * y * y) }
        #expect(ColorScale.fitting(bowl.values).scale.kind == .linear)
        let rosenbrock = SurfaceGrid(x: -2...2, y: -1...3, resolution: 100) { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
        #expect(ColorScale.fitting(rosenbrock.values).scale.kind == .log)
        #expect(ColorScale.fitting([.nan, .nan]).scale.kind == .linear)
    }
}
