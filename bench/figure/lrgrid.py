"""matplotlib reference for the learning-rate comparison figure (see run.sh).

f = 0.5(x^2 + 10y^2) from (-4, 2), plain gradient descent for 100 steps at four rates, a 2x2 grid on
shared axes, contourf with 20 levels on a 400x400 grid, paths with markers; written as a 1600x1600 PNG
(150 dpi) and a PDF. Usage: lrgrid.py OUTPUT_FOLDER
"""
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def descent(rate, steps=100):
    p = np.array([-4.0, 2.0])
    path = [p.copy()]
    for _ in range(steps):
        p = p - rate * np.array([p[0], 10 * p[1]])
        path.append(p.copy())
    return np.array(path)


def main(out):
    xs = np.linspace(-5, 5, 400)
    ys = np.linspace(-3, 3, 400)
    X, Y = np.meshgrid(xs, ys)
    Z = 0.5 * (X**2 + 10 * Y**2)
    fig, axes = plt.subplots(2, 2, figsize=(1600 / 150, 1600 / 150), dpi=150, sharex=True, sharey=True)
    for ax, rate in zip(axes.flat, [0.02, 0.1, 0.18, 0.21]):
        path = descent(rate)
        cs = ax.contourf(X, Y, Z, levels=20, cmap="viridis")
        ax.contour(X, Y, Z, levels=20, colors="k", linewidths=0.4, alpha=0.5)
        ax.plot(path[:, 0], path[:, 1], "o-", color="#E8432A", markersize=3, linewidth=1.2)
        ax.set_xlim(-5, 5)
        ax.set_ylim(-3, 3)
        final = 0.5 * (path[-1, 0] ** 2 + 10 * path[-1, 1] ** 2)
        ax.set_title(f"η = {rate}   final loss {final:.3g}")
    for ax in axes[1]:
        ax.set_xlabel("x (first parameter)")
    for ax in axes[:, 0]:
        ax.set_ylabel("y (second parameter)")
    fig.colorbar(cs, ax=axes, label="loss f(x, y)")
    fig.suptitle("Gradient descent on f = ½(x² + 10y²) from (−4, 2), 100 steps")
    fig.savefig(os.path.join(out, "lrgrid.png"), dpi=150)
    fig.savefig(os.path.join(out, "lrgrid.pdf"))


if __name__ == "__main__":
    main(sys.argv[1])
