import Engine
import Trace

extension CustomLoss {
    /// The target image Y*: a horizontal ramp with a soft-edged disc on it,
    /// row-major, values in [0.15, 1]. No randomness.
    ///
    /// ```
    /// ramp(r, c)  = 0.15 + 0.35 · c / (W − 1)                 (0.15 when W = 1)
    /// disc(r, c)  = clamp(R + ½ − ‖(r, c) − (r₀, c₀)‖, 0, 1)   a one-pixel soft edge
    /// r₀ = (H − 1)/2,  c₀ = 0.6 (W − 1),  R = min(H, W)/3
    /// Y*(r, c)    = ramp(r, c) + 0.5 · disc(r, c)
    /// ```
    /// At 12×16 the disc has radius 4 around (5.5, 9).
    public static func target(height: Int, width: Int) -> [Double] {
        let r0 = Double(height - 1) / 2, c0 = 0.6 * Double(width - 1)
        let radius = Double(Swift.min(height, width)) / 3
        var image = [Double](repeating: 0, count: height * width)
        for r in 0..<height {
            for c in 0..<width {
                let ramp = 0.15 + (width > 1 ? 0.35 * Double(c) / Double(width - 1) : 0)
                let distance = (Double(r) - r0) * (Double(r) - r0) + (Double(c) - c0) * (Double(c) - c0)
                let disc = Swift.min(Swift.max(radius + 0.5 - distance.squareRoot(), 0), 1)
                image[r * width + c] = ramp + 0.5 * disc
            }
        }
        return image
    }

    /// The Prewitt responses of an H×W image (row-major), the same size as the image.
    ///
    /// ```
    /// x(r, c) = Σ_{d=−1…1} (v(r+d, c+1) − v(r+d, c−1))     Pₓ ⋆ v: positive where v grows to the right
    /// y(r, c) = Σ_{d=−1…1} (v(r+1, c+d) − v(r−1, c+d))     P_y ⋆ v: positive where v grows downwards
    /// ```
    /// with indices outside the image clamped to the nearest edge (the border
    /// replicated), exactly as the loss's gradient term uses them. A ramp
    /// v(r, c) = α c gives x = 6α inside and 3α in the first and last columns,
    /// and y = 0 everywhere.
    public static func prewittResponses(of image: [Double], height: Int, width: Int) -> (x: [Double], y: [Double]) {
        precondition(height >= 1 && width >= 1 && image.count == height * width, "the image has H·W pixels")
        var x = [Double](repeating: 0, count: image.count), y = x
        PrewittWindow.forEach(height: height, width: width) { window in
            (x[window.pixel], y[window.pixel]) = window.responses { image[$0] }
        }
        return (x, y)
    }

    /// The Prewitt responses of the residual y = Y* − Y at a parameter vector
    /// (the images whose squares the gradient term averages).
    public func residualPrewittResponses(at theta: [Double]) -> (x: [Double], y: [Double]) {
        precondition(theta.count == pixelCount, "one value per pixel")
        return CustomLoss.prewittResponses(of: zip(target, theta).map { $0 - $1 }, height: height, width: width)
    }
}

extension CustomLoss {
    /// The loss in mathematical notation, for handouts (it is not in the
    /// expression language; see `expandedFormula`), e.g. for the mean:
    /// `mean(y²) − 0.5·mean(y)² + mean((Pₓ⋆y)² + (P_y⋆y)²),  y = Y* − Y`.
    public var formula: String {
        let l = NumberText.plain(lambda)
        switch reduction {
        case .mean:
            return "mean(y²) − \(l)·mean(y)² + mean((Pₓ⋆y)² + (P_y⋆y)²),  y = Y* − Y"
        case .sumThenMean:
            return "sum(y²) − \(l)·sum(y)²/n + sum((Pₓ⋆y)² + (P_y⋆y)²),  y = Y* − Y, n = \(pixelCount)"
        }
    }

    /// The loss written out as an expression over `parameterNames`, with the
    /// target's values as numbers: it parses to the same function. Meant for
    /// checking, not reading; it fits the expression language's length limit
    /// (10,000 characters) only for small maps, about 3×4. Sums are grouped by
    /// image row to keep the expression shallow.
    public var expandedFormula: String {
        let n = pixelCount
        func y(_ k: Int) -> String { "(\(NumberText.plain(target[k])) - \(parameterNames[k]))" }
        func rows(_ term: (Int, Int) -> String) -> String {
            (0..<height).map { r in "(" + (0..<width).map { c in term(r, c) }.joined(separator: " + ") + ")" }
                .joined(separator: " + ")
        }
        let squares = rows { r, c in y(r * width + c) + "^2" }
        let plain = rows { r, c in y(r * width + c) }
        let prewitt = rows { r, c in
            let up = Swift.max(r - 1, 0) * width, middle = r * width, down = Swift.min(r + 1, height - 1) * width
            let left = Swift.max(c - 1, 0), right = Swift.min(c + 1, width - 1)
            let gx = [up, middle, down].map { "\(y($0 + right)) - \(y($0 + left))" }.joined(separator: " + ")
            let gy = [left, c, right].map { "\(y(down + $0)) - \(y(up + $0))" }.joined(separator: " + ")
            return "(\(gx))^2 + (\(gy))^2"
        }
        let s = NumberText.plain(scale)
        let meanWeight = NumberText.plain(lambda * scale / Double(n))
        return "\(s)*(\(squares)) - \(meanWeight)*(\(plain))^2 + \(s)*(\(prewitt))"
    }
}
