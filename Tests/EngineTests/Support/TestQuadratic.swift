import Engine
import Foundation

/// f(θ) = ½ Σ λ_i θ_i², ∇f = λ ⊙ θ: the reference problem with λ = (1, 10).
struct TestQuadratic: Objective {
    var parameterNames: [String]
    var curvatures: [Double]
    var rowCount: Int { 0 }

    init(curvatures: [Double] = [1, 10], names: [String] = ["x", "y"]) {
        self.curvatures = curvatures
        parameterNames = names
    }

    func lossAndGradient(
        at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        var sum = 0.0
        for i in 0..<theta.count {
            gradient[i] = curvatures[i] * theta[i]
            sum += curvatures[i] * theta[i] * theta[i]
        }
        return 0.5 * sum
    }

    func loss(at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>) -> Double {
        var sum = 0.0
        for i in 0..<theta.count { sum += curvatures[i] * theta[i] * theta[i] }
        return 0.5 * sum
    }
}

/// One parameter θ and data rows y_r: L(θ; B) = (1/|B|) Σ ½ (θ − y_r)², ∇L = θ − mean(y_B).
/// With y_r = 2^r, |B|·(θ − ∇L) names the rows of the batch bit by bit.
struct TestRowMean: Objective {
    var values: [Double]
    var parameterNames: [String] { ["theta"] }
    var rowCount: Int { values.count }

    func lossAndGradient(
        at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        var loss = 0.0, mean = 0.0
        for r in rows {
            let d = theta[0] - values[r]
            loss += 0.5 * d * d
            mean += values[r]
        }
        let count = Double(max(rows.count, 1))
        gradient[0] = theta[0] - mean / count
        return loss / count
    }

    func loss(at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>) -> Double {
        var loss = 0.0
        for r in rows { loss += 0.5 * (theta[0] - values[r]) * (theta[0] - values[r]) }
        return loss / Double(max(rows.count, 1))
    }
}

/// The Keras/optax reference traces of `Fixtures/keras-quadratic.json`.
struct ReferenceRun {
    var params: [[Double]]
    var loss: [Double]
    var grad: [[Double]]
    var update: [[Double]]
    var state: [String: [[Double]]]
    var learningRate: Double

    static let all: [String: ReferenceRun] = {
        let url = Bundle.module.url(forResource: "keras-quadratic", withExtension: "json", subdirectory: "Fixtures")!
        let json = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let runs = json["runs"] as! [String: [String: Any]]
        func matrix(_ any: Any?) -> [[Double]] { (any as! [[NSNumber]]).map { $0.map(\.doubleValue) } }
        var result: [String: ReferenceRun] = [:]
        for (name, run) in runs {
            var state: [String: [[Double]]] = [:]
            for (key, value) in run["state"] as! [String: Any] {
                if let rows = value as? [[NSNumber]] { state[key] = rows.map { $0.map(\.doubleValue) } }
            }
            result[name] = ReferenceRun(
                params: matrix(run["params"]), loss: (run["loss"] as! [NSNumber]).map(\.doubleValue),
                grad: matrix(run["grad"]), update: matrix(run["update"]), state: state,
                learningRate: (run["learning_rate"] as! NSNumber).doubleValue)
        }
        return result
    }()
}

