import Dispatch
import Plot

/// Fontconfig's configuration and font cache, loaded on a worker thread while the caller computes.
///
/// The first text a process lays out makes fontconfig parse its configuration and map its font cache,
/// and Pango find and open the fonts: several milliseconds of one thread's work. A command whose pages
/// wait on a long computation (the cells of `steptrace map`) starts this first, so that work runs while
/// the computation's first, serial part leaves a core free, and calls `wait()` before it draws. The
/// throwaway canvas measures one text in each face the pages use; nothing drawn depends on it.
public final class FontWarmUp: Sendable {
    private let group = DispatchGroup()

    /// Starts the warm-up on a worker thread.
    public init() {
        DispatchQueue.global().async(group: group) {
            guard let canvas = try? CairoCanvas.measuring() else { return }
            for style in [TextStyle(), TextStyle(bold: true)] {
                _ = canvas.measureText("0.8 × 10<sup>−5</sup> learning rate η, <tt>map.csv</tt>", style: style)
            }
        }
    }

    /// Returns once the warm-up has finished.
    public func wait() { group.wait() }
}
