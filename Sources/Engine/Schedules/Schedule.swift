/// The learning rate as a function of t, the number of updates already made
/// (0 for the first update).
public enum Schedule: Sendable, Hashable {
    /// η_t = η
    case constant
    /// η_t = η · factor^⌊t / every⌋
    case step(every: Int, factor: Double)
    /// η_t = η · rate^(t / steps)   (Keras `ExponentialDecay`, not staircase)
    case exponential(rate: Double, steps: Int)
    /// η_t = η / (1 + decay · t)     (Keras 2's `decay` argument)
    case inverseTime(decay: Double)
}
