import Engine

extension Problem {
    /// The objective of an expression written over this problem's parameters (scalars and arrays),
    /// constants and data columns: its loss, a model, a claimed partial.
    public func objective(_ expression: String) throws(ExpressionError) -> ExpressionObjective {
        try ExpressionObjective(expression: expression, parameters: declarations, constants: constants, data: data)
    }

    /// An expression over this problem's parameters, constants and data columns whose value may be a
    /// vector or matrix (an image to draw, a model's class probabilities).
    public func arrayExpression(_ expression: String) throws(ExpressionError) -> ArrayExpression {
        try ArrayExpression(expression: expression, parameters: declarations, constants: constants, data: data)
    }

    /// The flat indices (into `parameters`) a lesson means by `name`: a declared parameter's every
    /// element (`a`, `C`), one element (`b`, `a[2]`, `C[0,1]`), or `diag(C)`, the diagonal of a
    /// square matrix parameter. Nil when `name` names none of them.
    public func indices(of name: String) -> [Int]? {
        var offset = 0
        for declaration in declarations {
            let count = declaration.shape.count
            defer { offset += count }
            if declaration.name == name { return Array(offset..<offset + count) }
            if name == "diag(\(declaration.name))", declaration.shape.dimensions.count == 2,
               declaration.shape.dimensions[0] == declaration.shape.dimensions[1] {
                let n = declaration.shape.dimensions[0]
                return (0..<n).map { offset + $0 * n + $0 }
            }
        }
        return parameters.firstIndex(of: name).map { [$0] }
    }

    /// Whether every parameter is a scalar (so each has one partial derivative of its own name).
    public var hasOnlyScalarParameters: Bool { declarations.allSatisfy { $0.shape.isScalar } }
}
