import Lessons
import Plot

/// How parameter and optimizer-state names are set in headers and labels (Pango markup).
enum Symbols {
    /// A parameter name with its indices as a subscript: `C_0_0` → C<sub>0,0</sub>, `w1` → w<sub>1</sub>.
    ///
    /// A name splits at `_` into a stem and indices joined by commas; without `_`, trailing digits
    /// after letters are the index. Other names are only escaped.
    static func parameter(_ name: String) -> String {
        let parts = name.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 1, parts.allSatisfy({ !$0.isEmpty }) {
            return TextStyle.escape(parts[0]) + "<sub>" + parts.dropFirst().map(TextStyle.escape).joined(separator: ",") + "</sub>"
        }
        let stem = name.prefix { !$0.isNumber }
        let index = name.dropFirst(stem.count)
        if !stem.isEmpty, !index.isEmpty, stem.allSatisfy(\.isLetter), index.allSatisfy(\.isNumber) {
            return TextStyle.escape(String(stem)) + "<sub>\(index)</sub>"
        }
        return TextStyle.escape(name)
    }

    /// `symbol` for one parameter: subscripted (g<sub>x</sub>), or followed by the parameter in
    /// parentheses when the parameter has its own subscript (g(C<sub>0,0</sub>)).
    static func indexed(_ symbol: String, by parameter: String) -> String {
        let p = self.parameter(parameter)
        return p.contains("<sub>") ? "\(symbol)(\(p))" : "\(symbol)<sub>\(p)</sub>"
    }

    /// What an optimizer's state buffer holds, under the name its library uses.
    static func stateMeaning(_ name: String) -> String {
        switch name {
        case "velocity": return "velocity is Keras's v, the step θ moves by"
        case "buffer": return "buffer is PyTorch's momentum buffer b (θ moves by −η b)"
        case "m": return "m is the first moment, a running mean of g"
        case "v": return "v is the second moment, a running mean of g²"
        case "mean_square": return "mean_square is the running mean of g²"
        case "accumulator": return "accumulator is the running sum of g²"
        default: return TextStyle.escape(name)
        }
    }
}
