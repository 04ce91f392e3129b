extension RunSpec {
    /// The most steps the run can take: `steps`, or `epochs` times the batches per epoch over
    /// `rowCount` data rows. The last trace row is this step, unless a stop rule ends the run sooner.
    public func stepBudget(parameterNames: [String], rowCount: Int) throws -> Int {
        try RunPlan(spec: self, parameterNames: parameterNames, rowCount: rowCount).totalSteps
    }
}
