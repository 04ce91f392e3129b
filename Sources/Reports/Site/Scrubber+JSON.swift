import Engine
import Plot
import Trace

extension Scrubber {
    /// The scrubber's data as compact JSON for the page's script, keys in a fixed order:
    ///
    /// ```
    /// {"steps": [0, 1, …],  "last": 100,  "thinned": false,
    ///  "panels": [{"x": ["linear", lower, upper], "y": […], "plot": [x, y, width, height]}],
    ///  "runs": [{"id", "label", "color", "panel", "end", "rows": [row, …] | null (every row),
    ///            "x": column, "y": column | null, "h": [height, …] (curves),
    ///            "params": [name, …], "count": parameters, "states": [name, …], "batch": bool,
    ///            "lossEvery": the trace's loss stride (rows between evaluated losses),
    ///            "rule": {"kind", "convention", "momentum", "nesterov", "dampening", "rho",
    ///                     "beta1", "beta2", "epsilon", "constrained"},
    ///            "cols": {"loss": […], "lr": …, "x": […], "grad.x": […], "velocity.x": […], "update.x": […]}}]}
    /// ```
    ///
    /// Column names are the trace's CSV header names; each column holds the values at `rows`, or one
    /// number when it is the same on all of them. Numbers are the shortest text that reads back as
    /// the same double (JavaScript's `JSON.parse` gives the trace's value bit for bit); NaN and ±∞,
    /// which JSON lacks, are the strings `"NaN"`, `"Infinity"` and `"-Infinity"`.
    func json() -> String {
        let steps = thinning.steps
        var parts: [String] = []
        parts.append(JSON.pair("steps", JSON.array(steps.map(String.init))))
        parts.append(JSON.pair("last", String(thinning.last)))
        parts.append(JSON.pair("thinned", thinning.isThinned ? "true" : "false"))
        parts.append(JSON.pair("panels", JSON.array(transforms.map(Self.panelJSON))))
        parts.append(JSON.pair("runs", JSON.array(tracks.map { Self.trackJSON($0, steps: steps) })))
        return JSON.object(parts)
    }

    private static func panelJSON(_ t: PanelTransform) -> String {
        func scale(_ s: Scale) -> String {
            JSON.array([JSON.string(s.kind == .log ? "log" : "linear"), JSON.number(s.lower), JSON.number(s.upper)])
        }
        let plot = [t.plot.x, t.plot.y, t.plot.width, t.plot.height].map(JSON.number)
        return JSON.object([JSON.pair("x", scale(t.x)), JSON.pair("y", scale(t.y)), JSON.pair("plot", JSON.array(plot))])
    }

    private static func trackJSON(_ track: Track, steps: [Int]) -> String {
        let trace = track.result.trace, names = trace.parameterNames
        let rows = Self.rows(track, steps: steps)
        let everyRow = rows.count == trace.count
        func column(_ values: [Double]) -> String { JSON.column(rows.map { values[$0] }) }
        let shown = shownParameters(track)
        var columns: [String] = [JSON.pair("loss", column(trace.losses)), JSON.pair(TraceLayout.learningRateColumn, column(trace.learningRates))]
        for i in shown { columns.append(JSON.pair(names[i], column(trace.parameterColumn(i)))) }
        for i in shown { columns.append(JSON.pair("grad." + names[i], column(trace.gradientColumn(i)))) }
        for (s, state) in trace.stateNames.enumerated() {
            for i in shown { columns.append(JSON.pair("\(state).\(names[i])", column(trace.values(.state(s, parameter: i))))) }
        }
        for i in shown { columns.append(JSON.pair("update." + names[i], column(trace.updateColumn(i)))) }

        var parts = [
            JSON.pair("id", JSON.string(track.result.run.id)),
            JSON.pair("label", JSON.string(track.result.run.label)),
            JSON.pair("color", JSON.string(track.color.hexText)),
            JSON.pair("panel", String(track.panel)),
            JSON.pair("end", String(trace.count - 1)),
            JSON.pair("rows", everyRow ? "null" : JSON.array(rows.map(String.init))),
            JSON.pair("x", JSON.string(names[track.x])),
            JSON.pair("y", track.y.map { JSON.string(names[$0]) } ?? "null"),
        ]
        if let heights = track.heights { parts.append(JSON.pair("h", JSON.array(rows.map { JSON.number(heights[$0]) }))) }
        parts += [
            JSON.pair("params", JSON.array(shown.map { JSON.string(names[$0]) })),
            JSON.pair("count", String(trace.parameterCount)),
            JSON.pair("states", JSON.array(trace.stateNames.map(JSON.string))),
            JSON.pair("batch", trace.hasBatchLoss ? "true" : "false"),
            JSON.pair("lossEvery", String(trace.lossStride)),
            JSON.pair("rule", ruleJSON(track.result.run.spec)),
            JSON.pair("cols", JSON.object(columns)),
        ]
        return JSON.object(parts)
    }

    /// The optimizer's settings the update rule needs (the rate comes from the trace's `lr` column).
    private static func ruleJSON(_ spec: RunSpec) -> String {
        let s = spec.optimizer.resolved()
        let c = spec.constraints
        let constrained = !c.boxes.isEmpty || !c.simplexGroups.isEmpty || !c.fixed.isEmpty
        return JSON.object([
            JSON.pair("kind", JSON.string(s.kind.rawValue)), JSON.pair("convention", JSON.string(s.convention.rawValue)),
            JSON.pair("momentum", JSON.number(s.momentum)), JSON.pair("nesterov", s.nesterov ? "true" : "false"),
            JSON.pair("dampening", JSON.number(s.dampening)), JSON.pair("rho", JSON.number(s.rho)),
            JSON.pair("beta1", JSON.number(s.beta1)), JSON.pair("beta2", JSON.number(s.beta2)),
            JSON.pair("epsilon", JSON.number(s.epsilon)), JSON.pair("constrained", constrained ? "true" : "false"),
        ])
    }
}

extension Color {
    /// `#rrggbb`.
    var hexText: String {
        func two(_ v: Double) -> String {
            let n = max(0, min(255, Int((v * 255).rounded())))
            return (n < 16 ? "0" : "") + String(n, radix: 16)
        }
        return "#" + two(red) + two(green) + two(blue)
    }
}
