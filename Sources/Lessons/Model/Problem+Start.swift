import Engine

extension Problem {
    /// The first of `starts` where the objective's loss or gradient over all data is not finite, with its
    /// `StartError`; nil when every start is inside the objective's domain.
    ///
    /// The objective is built once for all the starts (the problem was validated, so it builds).
    func firstBadStart(_ starts: [[Double]]) -> (index: Int, error: StartError)? {
        let check: ([Double]) throws -> Void
        do {
            switch source {
            case .expression(let text):
                let objective = try objective(text)
                check = { try Engine.checkStart(objective, start: $0) }
            case .builtin(let name, let curvatures):
                let objective = try BuiltinObjective(named: name, parameterNames: parameters,
                                                     curvatures: curvatures.isEmpty ? nil : curvatures)
                check = { try Engine.checkStart(objective, start: $0) }
            }
        } catch {
            return nil
        }
        for (i, start) in starts.enumerated() {
            do { try check(start) } catch let error as StartError { return (i, error) } catch {}
        }
        return nil
    }
}
