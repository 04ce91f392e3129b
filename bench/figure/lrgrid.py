"""matplotlib reference for the figure benchmark (bench/run.sh): the same job as
`steptrace compare lr-overshoot --lr 0.02,0.1,0.18,0.21`.

f = 0.5(x^2 + 10y^2) from (-4, 2), plain gradient descent for 100 steps at four rates; a 2x2 grid on
shared axes x in [-5, 5], y in [-3, 3] with one color scale: contourf with 20 levels on a 400x400 grid,
contour lines (unlabelled: steptrace labels some, but clabel would add matplotlib time the plain
reference does not have), each path plotted with markers, each panel titled by its rate and final loss;
below it, the final loss against the rate (log-log) with the stability limit 2/lambda_max = 0.2.
Written as a PNG 1600 px wide (150 dpi, the same page shape as steptrace's) and a PDF.

Usage: lrgrid.py OUTPUT_FOLDER
"""
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

RATES = [0.02, 0.1, 0.18, 0.21]
CURVATURES = np.array([1.0, 10.0])
START = np.array([-4.0, 2.0])
STEPS = 100
# steptrace's compare page is 540 pt wide and about 740 pt tall; keep the same shape.
WIDTH_IN, HEIGHT_IN, DPI = 1600 / 150, 2193 / 150, 150


def loss(p):
    return 0.5 * float(np.sum(CURVATURES * p * p))


def descent(rate):
    """Plain gradient descent; every iterate, the start included."""
    p = START.copy()
    path = [p.copy()]
    for _ in range(STEPS):
        p = p - rate * CURVATURES * p
        path.append(p.copy())
    return np.array(path)


def main(out):
    xs = np.linspace(-5, 5, 400)
    ys = np.linspace(-3, 3, 400)
    X, Y = np.meshgrid(xs, ys)
    Z = 0.5 * (X**2 + 10 * Y**2)
    levels = np.linspace(Z.min(), Z.max(), 21)

    fig = plt.figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    grid = fig.add_gridspec(3, 2, height_ratios=[1, 1, 0.55], hspace=0.3)
    axes = [fig.add_subplot(grid[r, c]) for r in range(2) for c in range(2)]
    finals = []
    for ax, rate in zip(axes, RATES):
        path = descent(rate)
        final = loss(path[-1])
        finals.append(final)
        cs = ax.contourf(X, Y, Z, levels=levels, cmap="viridis")
        ax.contour(X, Y, Z, levels=levels, colors="k", linewidths=0.4, alpha=0.5)
        ax.plot(path[:, 0], path[:, 1], "o-", color="#E8432A", markersize=3, linewidth=1.2)
        ax.plot(*path[0], "s", color="white", markersize=5)
        ax.set_xlim(-5, 5)
        ax.set_ylim(-3, 3)
        ax.set_title(f"η = {rate}   final loss {final:.3g}", fontsize=9)
    for ax in axes[2:]:
        ax.set_xlabel("parameter x")
    for ax in axes[0::2]:
        ax.set_ylabel("parameter y")
    fig.colorbar(cs, ax=axes, label="loss")

    chart = fig.add_subplot(grid[2, :])
    chart.loglog(RATES, finals, "o-", label="final loss")
    chart.axvline(0.2, color="0.4", linestyle="--", linewidth=0.8)
    chart.text(0.2, max(finals), " 2/λmax = 0.2", fontsize=7, va="top")
    chart.set_xlabel("learning rate η (log scale)")
    chart.set_ylabel("loss after 100 steps (log scale)")
    chart.legend(fontsize=7)

    fig.savefig(os.path.join(out, "compare-lr.png"), dpi=DPI)
    fig.savefig(os.path.join(out, "compare-lr.pdf"))


if __name__ == "__main__":
    main(sys.argv[1])
