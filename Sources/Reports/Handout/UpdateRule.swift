import Engine
import Plot

/// The update rule of a run's optimizer, in its library's convention, as display lines (Pango markup).
public enum UpdateRule {
    /// Formula lines, then one line naming the library and the settings.
    public static func lines(for spec: OptimizerSpec, schedule: Schedule) -> (formulas: [String], settings: String) {
        let s = spec.resolved()
        let keras = s.convention == .keras
        var formulas: [String]
        var settings = "η = \(number(s.learningRate))"
        switch s.kind {
        case .sgd where s.momentum == 0:
            formulas = ["θ ← θ − η g"]
        case .sgd where keras:
            formulas = ["v ← μ v − η g"]
            formulas.append(s.nesterov ? "θ ← θ + μ v − η g" : "θ ← θ + v")
            formulas.append("(v starts at 0)")
            settings += ", μ = \(number(s.momentum))"
        case .sgd:
            let damp = s.dampening == 0 ? "g" : "(1 − τ) g"
            formulas = ["b ← μ b + \(damp)   (first step: b ← g)"]
            formulas.append(s.nesterov ? "θ ← θ − η (g + μ b)" : "θ ← θ − η b")
            settings += ", μ = \(number(s.momentum))" + (s.dampening == 0 ? "" : ", τ = \(number(s.dampening))")
        case .adagrad:
            formulas = ["a ← a + g²", keras ? "θ ← θ − η g / √(a + ε)" : "θ ← θ − η g / (√a + ε)",
                        "(a starts at \(number(s.initialAccumulator)))"]
            settings += ", ε = \(number(s.epsilon))"
        case .rmsprop:
            formulas = ["s ← ρ s + (1 − ρ) g²", keras ? "θ ← θ − η g / √(s + ε)" : "θ ← θ − η g / (√s + ε)"]
            settings += ", ρ = \(number(s.rho)), ε = \(number(s.epsilon))"
        case .adam:
            formulas = ["m ← β<sub>1</sub> m + (1 − β<sub>1</sub>) g", "v ← β<sub>2</sub> v + (1 − β<sub>2</sub>) g²"]
            if keras {
                formulas += ["α<sub>t</sub> = η √(1 − β<sub>2</sub><sup>t</sup>) / (1 − β<sub>1</sub><sup>t</sup>)",
                             "θ ← θ − α<sub>t</sub> m / (√v + ε)"]
            } else {
                formulas += ["m̂ = m / (1 − β<sub>1</sub><sup>t</sup>),   v̂ = v / (1 − β<sub>2</sub><sup>t</sup>)",
                             "θ ← θ − η m̂ / (√v̂ + ε)"]
            }
            settings += ", β<sub>1</sub> = \(number(s.beta1)), β<sub>2</sub> = \(number(s.beta2)), ε = \(number(s.epsilon))"
        }
        switch schedule {
        case .constant: break
        case .step(let every, let factor): settings += "; η × \(number(factor)) every \(every) steps"
        case .exponential(let rate, let steps): settings += "; η × \(number(rate))<sup>t/\(steps)</sup>"
        case .inverseTime(let decay): settings += "; η / (1 + \(number(decay)) t)"
        }
        let library = keras ? "Keras 3 \(kerasName(s.kind))" : "PyTorch torch.optim.\(torchName(s.kind))"
        return (formulas, "\(library): \(settings)")
    }

    private static func kerasName(_ k: OptimizerKind) -> String {
        switch k { case .sgd: return "SGD"; case .adagrad: return "Adagrad"; case .rmsprop: return "RMSprop"; case .adam: return "Adam" }
    }
    private static func torchName(_ k: OptimizerKind) -> String {
        switch k { case .sgd: return "SGD"; case .adagrad: return "Adagrad"; case .rmsprop: return "RMSprop"; case .adam: return "Adam" }
    }

    /// A hyperparameter as written by a person: 0.02, 0.9, 1e-07.
    static func number(_ v: Double) -> String { NumberFormat.short(v) }
}
