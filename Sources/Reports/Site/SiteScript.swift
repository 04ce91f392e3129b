/// The script every lesson page carries inline: the step scrubbers.
///
/// For each `.scrubber` it reads the JSON beside it (see `Scrubber.json()`), shows the controls, draws
/// an overlay into the figure's own SVG (a veil over each plot, each path up to step k, θ_k, the
/// gradient step −η·g and the step taken next) and writes the readout: the numbers of row k of the
/// chosen run's trace and the update rule with step k's numbers filled in. Every number shown is a
/// value of the trace, carried by its span's `data-col`, `data-row` and `data-v` (the exact value);
/// the text shows six significant digits, or every digit when asked. Vanilla JavaScript, no network.
enum SiteScript {
    static let source = #"""
    (function () {
    "use strict";
    var SVGNS = "http://www.w3.org/2000/svg";
    var SUP = {"0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
      "-": "⁻", "+": ""};
    var SYMBOL = {velocity: "v", buffer: "b", accumulator: "a", mean_square: "s", m: "m", v: "v"};
    function num(v) { return typeof v === "number" ? v : Number(v); }
    function pretty(s) {
      var m = /^(-?[0-9.]+)e([+-]?[0-9]+)$/.exec(s);
      if (m) s = m[1] + "×10" + m[2].split("").map(function (c) { return SUP[c]; }).join("");
      return s.replace(/-/g, "−").replace("Infinity", "∞");
    }
    function text(v, every) {
      if (Number.isNaN(v)) return "NaN";
      if (every || !isFinite(v) || v === 0) return pretty(String(v));
      var a = Math.abs(v);
      if (a >= 1e-4 && a < 1e6) return pretty(String(Number(v.toPrecision(6))));
      return pretty(v.toExponential(5).replace(/\.?0+e/, "e"));
    }
    function el(tag, cls, content) {
      var e = document.createElement(tag);
      if (cls) e.className = cls;
      if (content !== undefined) e.textContent = content;
      return e;
    }
    function svg(tag, attrs) {
      var e = document.createElementNS(SVGNS, tag);
      for (var k in attrs) e.setAttribute(k, attrs[k]);
      return e;
    }
    function norm(s, v) {
      if (s[0] === "log") return v > 0 ? (Math.log10(v) - Math.log10(s[1])) / (Math.log10(s[2]) - Math.log10(s[1])) : NaN;
      return (v - s[1]) / (s[2] - s[1]);
    }
    function Run(d) {
      this.d = d;
      this.rows = d.rows || null;
      this.index = {};
      if (this.rows) for (var i = 0; i < this.rows.length; i++) this.index[this.rows[i]] = i;
    }
    Run.prototype.has = function (row) { return row >= 0 && row <= this.d.end && (!this.rows || row in this.index); };
    Run.prototype.value = function (col, row) {
      var c = this.d.cols[col];
      if (c === undefined || !this.has(row)) return undefined;
      return num(Array.isArray(c) ? c[this.rows ? this.index[row] : row] : c);
    };
    Run.prototype.point = function (row) {
      var x = this.value(this.d.x, row);
      var y = this.d.y === null ? num(this.d.h[this.rows ? this.index[row] : row]) : this.value(this.d.y, row);
      return [x, y];
    };
    Run.prototype.rowsUpTo = function (row) {
      if (!this.rows) { var all = []; for (var r = 0; r <= row; r++) all.push(r); return all; }
      return this.rows.filter(function (r) { return r <= row; });
    };
    function Scrubber(root, number) {
      var self = this;
      this.root = root;
      this.data = JSON.parse(root.querySelector(".scrubber-data").textContent);
      this.runs = this.data.runs.map(function (d) { return new Run(d); });
      this.svg = root.parentNode.querySelector("svg.plot");
      this.slider = root.querySelector("input[type=range]");
      this.output = root.querySelector("output.step");
      this.readout = root.querySelector(".readout");
      this.select = root.querySelector("select.run");
      this.digits = root.querySelector("input.digits");
      this.play = root.querySelector("button.play");
      this.timer = null;
      this.overlay(number);
      this.slider.addEventListener("input", function () { self.show(); });
      if (this.select) this.select.addEventListener("change", function () { self.show(); });
      this.digits.addEventListener("change", function () { self.show(); });
      root.querySelectorAll("button[data-act]").forEach(function (b) {
        b.addEventListener("click", function () { self.act(b.getAttribute("data-act")); });
      });
      root.hidden = false;
      this.show();
    }
    Scrubber.prototype.act = function (what) {
      var max = Number(this.slider.max), at = Number(this.slider.value);
      if (what === "play") { this.timer ? this.stop() : this.start(); return; }
      this.stop();
      var to = {first: 0, back: at - 1, forward: at + 1, last: max}[what];
      this.slider.value = String(Math.max(0, Math.min(max, to)));
      this.show();
    };
    Scrubber.prototype.start = function () {
      var self = this, max = Number(this.slider.max);
      if (Number(this.slider.value) >= max) this.slider.value = "0";
      this.play.setAttribute("aria-pressed", "true");
      this.play.textContent = "Pause";
      this.output.setAttribute("aria-live", "off");
      this.timer = setInterval(function () {
        var at = Number(self.slider.value);
        if (at >= max) { self.stop(); return; }
        self.slider.value = String(at + 1);
        self.show();
      }, Math.max(40, Math.min(250, Math.round(8000 / (max + 1)))));
    };
    Scrubber.prototype.stop = function () {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      this.play.setAttribute("aria-pressed", "false");
      this.play.textContent = "Play";
      this.output.setAttribute("aria-live", "polite");
    };
    Scrubber.prototype.overlay = function (number) {
      var self = this, layer = svg("g", {"class": "scrub-overlay"}), defs = svg("defs", {});
      layer.appendChild(defs);
      this.layers = this.data.panels.map(function (p, k) {
        var used = self.runs.some(function (r) { return r.d.panel === k; });
        if (!used) return null;
        var rect = {x: p.plot[0], y: p.plot[1], width: p.plot[2], height: p.plot[3]};
        var clip = svg("clipPath", {id: "scrub" + number + "-clip" + k});
        clip.appendChild(svg("rect", rect));
        defs.appendChild(clip);
        var g = svg("g", {"clip-path": "url(#scrub" + number + "-clip" + k + ")"});
        rect.fill = "#fff"; rect["fill-opacity"] = "0.4";
        g.appendChild(svg("rect", rect));
        layer.appendChild(g);
        return g;
      });
      this.runs.forEach(function (run) {
        var g = self.layers[run.d.panel], c = run.d.color;
        run.halo = g.appendChild(svg("path", {fill: "none", stroke: "#fff", "stroke-width": "3.6", "stroke-linejoin": "round"}));
        run.line = g.appendChild(svg("path", {fill: "none", stroke: c, "stroke-width": "1.8", "stroke-linejoin": "round"}));
        run.next = g.appendChild(svg("path", {fill: "none", stroke: c, "stroke-width": "1.5", "stroke-dasharray": "3 2"}));
        run.grad = g.appendChild(svg("path", {fill: "none", stroke: "#000", "stroke-width": "1.5"}));
        run.dot = g.appendChild(svg("circle", {r: "3.6", fill: c, stroke: "#fff", "stroke-width": "1.4"}));
      });
      this.svg.appendChild(layer);
    };
    Scrubber.prototype.device = function (run, xy) {
      var p = this.data.panels[run.d.panel];
      return [p.plot[0] + norm(p.x, xy[0]) * p.plot[2], p.plot[1] + p.plot[3] - norm(p.y, xy[1]) * p.plot[3]];
    };
    function finite(pt) { return isFinite(pt[0]) && isFinite(pt[1]); }
    function arrow(a, b) {
      if (!finite(a) || !finite(b)) return "";
      var dx = b[0] - a[0], dy = b[1] - a[1], len = Math.sqrt(dx * dx + dy * dy);
      if (len < 0.5) return "";
      var ux = dx / len, uy = dy / len, h = Math.min(6, len * 0.6);
      return "M" + a[0] + " " + a[1] + "L" + b[0] + " " + b[1] +
        "M" + (b[0] - h * ux - h * 0.5 * uy) + " " + (b[1] - h * uy + h * 0.5 * ux) + "L" + b[0] + " " + b[1] +
        "L" + (b[0] - h * ux + h * 0.5 * uy) + " " + (b[1] - h * uy - h * 0.5 * ux);
    }
    Scrubber.prototype.inside = function (run, q) {
      var p = this.data.panels[run.d.panel].plot;
      return finite(q) && q[0] >= p[0] - 0.5 && q[0] <= p[0] + p[2] + 0.5 && q[1] >= p[1] - 0.5 && q[1] <= p[1] + p[3] + 0.5;
    };
    Scrubber.prototype.show = function () {
      var self = this, at = Number(this.slider.value), k = this.data.steps[at];
      var chosen = this.select ? Number(this.select.value) : 0;
      this.output.textContent = "step " + k + " of " + this.data.last;
      this.slider.setAttribute("aria-valuetext", "step " + k + " of " + this.data.last);
      this.runs.forEach(function (run, i) {
        // A segment is drawn when one of its ends is in view (clipped at the edge); between two points
        // outside, nothing, so a diverging path does not paint long lines across the plot.
        var r = Math.min(k, run.d.end), d = "", last = null, lastInside = false, pen = null;
        run.rowsUpTo(r).forEach(function (row) {
          var q = self.device(run, run.point(row));
          if (!finite(q)) { last = null; return; }
          var here = q[0] + " " + q[1], isInside = self.inside(run, q);
          if (last !== null && (isInside || lastInside)) {
            if (pen !== last) d += "M" + last;
            d += "L" + here;
            pen = here;
          }
          last = here;
          lastInside = isInside;
        });
        run.halo.setAttribute("d", d);
        run.line.setAttribute("d", d);
        var xy = run.point(r), here = self.device(run, xy);
        run.outside = !self.inside(run, here);
        run.dot.setAttribute("cx", run.outside ? -99 : here[0]);
        run.dot.setAttribute("cy", run.outside ? -99 : here[1]);
        var grad = "", next = "";
        if (i === chosen && !run.outside) {
          var lr = run.value("lr", r), gx = run.value("grad." + run.d.x, r);
          var to = run.d.y === null ? [xy[0] - lr * gx, xy[1]] : [xy[0] - lr * gx, xy[1] - lr * run.value("grad." + run.d.y, r)];
          grad = arrow(here, self.device(run, to));
          if (r < run.d.end) {
            var then = run.d.y === null ? run.point(r + 1)
              : [xy[0] + run.value("update." + run.d.x, r), xy[1] + run.value("update." + run.d.y, r)];
            next = arrow(here, self.device(run, then));
          }
        }
        run.grad.setAttribute("d", grad);
        run.next.setAttribute("d", next);
      });
      this.render(this.runs[chosen], k);
    };
    Scrubber.prototype.number = function (run, col, row, paren) {
      var v = run.value(col, row), s = el("span", "n", text(v, this.digits.checked));
      s.setAttribute("data-col", col);
      s.setAttribute("data-row", String(row));
      s.setAttribute("data-v", String(v));
      s.title = col + " at step " + row + " = " + String(v);
      if (paren && v < 0) { var w = el("span"); w.append("(", s, ")"); return w; }
      return s;
    };
    Scrubber.prototype.render = function (run, k) {
      var self = this, d = run.d, r = Math.min(k, d.end), box = this.readout;
      box.textContent = "";
      var head = el("p");
      head.append(el("b", "", d.label), " · step " + r + (k > d.end ? " (this run ended at step " + d.end + ")" : ""));
      if (r % d.lossEvery === 0 || r === d.end) head.append(" · loss f(θ" + sub(String(r)) + ") = ", this.number(run, "loss", r));
      else head.append(" · the loss over all data is in the trace every " + d.lossEvery + " steps");
      head.append(" · η = ", this.number(run, "lr", r));
      box.appendChild(head);
      var table = el("table"), tr = el("tr");
      var columns = [["θ", ""], [d.batch ? "batch ∇f" : "∇f", "grad."]];
      d.states.forEach(function (s) { columns.push([s, s + "."]); });
      columns.push(["next step Δθ", "update."]);
      tr.appendChild(el("th", "", "parameter"));
      columns.forEach(function (c) { tr.appendChild(el("th", "", c[0])); });
      table.appendChild(el("thead")).appendChild(tr);
      var body = table.appendChild(el("tbody"));
      d.params.forEach(function (name) {
        var row = el("tr");
        row.appendChild(el("td", "", name));
        columns.forEach(function (c) { row.appendChild(el("td")).appendChild(self.number(run, c[1] + name, r)); });
        body.appendChild(row);
      });
      var scroll = el("div", "scroll");
      scroll.appendChild(table);
      box.appendChild(scroll);
      if (run.outside) box.appendChild(el("p", "note", "θ" + sub(String(r)) + " lies outside the figure's view."));
      if (d.count > d.params.length) {
        box.appendChild(el("p", "note", "Shown: the " + d.params.length + " parameters on the axes, of " + d.count + "; the trace holds every one."));
      }
      box.appendChild(el("h3", "", r === 0 ? "The start" : "How step " + r + " was made"));
      d.params.forEach(function (name) {
        if (d.params.length > 1) box.appendChild(el("div", "rule-for", name));
        rule(self, run, name, r).forEach(function (line) { box.appendChild(line); });
      });
      var notes = [];
      if (r > 0) notes.push("η is the trace's lr at step " + (r - 1) + ", the rate step " + r + " used.");
      if (r > 0 && d.batch) notes.push("g is the gradient on the batch step " + r + " saw.");
      if (r > 0 && d.rule.constrained) {
        notes.push("The run has constraints: θ is projected onto them after the step, so the last number is the projected value.");
      }
      if (notes.length) box.appendChild(el("p", "note", notes.join(" ")));
    };
    var SUB = {"0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉"};
    function script(map, tag, t) {
      return /^[0-9]+$/.test(t) ? t.split("").map(function (c) { return map[c]; }).join("") : el(tag, "", t);
    }
    function sub(t) { return script(SUB, "sub", t); }
    function sup(t) { return script(SUP, "sup", t); }
    // The update rule of step r for parameter `name`, one line per quantity: what it is, its formula,
    // the formula with the step's numbers, and the trace's value. Step numbers are digits, so sub()
    // and sup() give text and the formulas are plain strings.
    function rule(self, run, name, r) {
      var R = run.d.rule, keras = R.convention === "keras", q = r - 1, lines = [];
      var K = sub(String(r)), P = sub(String(q)), T = sup(String(r)), x = name, g = "grad." + name;
      function n(col, row, paren) { return self.number(run, col, row, paren); }
      function c(v) { var s = el("span", "c", text(v, self.digits.checked)); s.title = String(v); return s; }
      function line(lhs, formula, numbers, result, after) {
        var e = el("div", "rule");
        [lhs, " = ", formula].concat(numbers ? [" = "].concat(numbers) : [], [" = ", result], after ? [after] : [])
          .forEach(function (part) { e.append(part); });
        lines.push(e);
      }
      if (r === 0) {
        line(x + sub("0"), "the start", null, n(x, 0));
        run.d.states.forEach(function (s) { line((SYMBOL[s] || s) + sub("0"), s + " before any step", null, n(s + "." + x, 0)); });
        return lines;
      }
      var step = " − η" + P + "·", eta = function () { return n("lr", q); };
      if (R.kind === "sgd" && R.momentum === 0) {
        line(x + K, x + P + step + "g" + P, [n(x, q), " − ", eta(), "·", n(g, q, true)], n(x, r));
      } else if (R.kind === "sgd" && keras) {
        var v = "velocity." + x;
        line("v" + K, "μ·v" + P + step + "g" + P, [c(R.momentum), "·", n(v, q, true), " − ", eta(), "·", n(g, q, true)], n(v, r));
        if (R.nesterov) {
          line(x + K, x + P + " + μ·v" + K + step + "g" + P,
            [n(x, q), " + ", c(R.momentum), "·", n(v, r, true), " − ", eta(), "·", n(g, q, true)], n(x, r));
        } else {
          line(x + K, x + P + " + v" + K, [n(x, q), " + ", n(v, r, true)], n(x, r));
        }
      } else if (R.kind === "sgd") {
        var b = "buffer." + x, damped = R.dampening !== 0;
        if (r === 1) line("b" + K, "g" + P, null, n(g, 0), " (the first step fills the buffer)");
        else if (damped) {
          line("b" + K, "μ·b" + P + " + (1 − τ)·g" + P,
            [c(R.momentum), "·", n(b, q, true), " + (1 − ", c(R.dampening), ")·", n(g, q, true)], n(b, r));
        } else {
          line("b" + K, "μ·b" + P + " + g" + P, [c(R.momentum), "·", n(b, q, true), " + ", n(g, q, true)], n(b, r));
        }
        if (R.nesterov) {
          line(x + K, x + P + step + "(g" + P + " + μ·b" + K + ")",
            [n(x, q), " − ", eta(), "·(", n(g, q), " + ", c(R.momentum), "·", n(b, r, true), ")"], n(x, r));
        } else {
          line(x + K, x + P + step + "b" + K, [n(x, q), " − ", eta(), "·", n(b, r, true)], n(x, r));
        }
      } else if (R.kind === "adagrad" || R.kind === "rmsprop") {
        var ada = R.kind === "adagrad", z = ada ? "a" : "s", A = (ada ? "accumulator." : "mean_square.") + x;
        if (ada) line(z + K, z + P + " + g" + P + "²", [n(A, q), " + ", n(g, q, true), "²"], n(A, r));
        else {
          line(z + K, "ρ·" + z + P + " + (1 − ρ)·g" + P + "²",
            [c(R.rho), "·", n(A, q), " + (1 − ", c(R.rho), ")·", n(g, q, true), "²"], n(A, r));
        }
        var root = keras ? ["/√(", n(A, r), " + ", c(R.epsilon), ")"] : ["/(√", n(A, r), " + ", c(R.epsilon), ")"];
        line(x + K, x + P + step + "g" + P + (keras ? "/√(" + z + K + " + ε)" : "/(√" + z + K + " + ε)"),
          [n(x, q), " − ", eta(), "·", n(g, q, true)].concat(root), n(x, r));
      } else if (R.kind === "adam") {
        var M = "m." + x, V = "v." + x;
        line("m" + K, "β₁·m" + P + " + (1 − β₁)·g" + P,
          [c(R.beta1), "·", n(M, q, true), " + (1 − ", c(R.beta1), ")·", n(g, q, true)], n(M, r));
        line("v" + K, "β₂·v" + P + " + (1 − β₂)·g" + P + "²",
          [c(R.beta2), "·", n(V, q), " + (1 − ", c(R.beta2), ")·", n(g, q, true), "²"], n(V, r));
        if (keras) {
          line(x + K, x + P + step + "√(1 − β₂" + T + ")/(1 − β₁" + T + ")·m" + K + "/(√v" + K + " + ε)",
            [n(x, q), " − ", eta(), "·√(1 − ", c(R.beta2), T + ")/(1 − ", c(R.beta1), T + ")·", n(M, r, true),
             "/(√", n(V, r), " + ", c(R.epsilon), ")"], n(x, r));
        } else {
          line(x + K, x + P + step + "(m" + K + "/(1 − β₁" + T + "))/(√(v" + K + "/(1 − β₂" + T + ")) + ε)",
            [n(x, q), " − ", eta(), "·(", n(M, r), "/(1 − ", c(R.beta1), T + "))/(√(", n(V, r), "/(1 − ", c(R.beta2), T + ")) + ",
             c(R.epsilon), ")"], n(x, r));
        }
      }
      return lines;
    }
    var figures = document.querySelectorAll(".scrubber");
    for (var i = 0; i < figures.length; i++) {
      try { new Scrubber(figures[i], i + 1); } catch (e) { figures[i].hidden = true; throw e; }
    }
    })();
    """#
}
