# The convergence map of bench/run.sh's `map` benchmark, the fastest way a Python user would compute it:
# numpy, vectorised over all 100 x 100 cells at once. SGD with momentum in Keras's convention
# (v = mu*v - lr*g; theta += v) on Rosenbrock f = (1 - x)^2 + 100 (y - x^2)^2 from (-1.5, 2), lr
# log-spaced from 1e-5 to 1e-2 (columns), momentum from 0 to 0.99 (rows), 1,000 steps per cell. The numbers
# only: no figure. Prints the number of finite final losses and their median.
import sys
import numpy as np

steps = 1000
lr = np.logspace(-5, -2, 100)
mu = np.linspace(0.0, 0.99, 100)
LR, MU = np.meshgrid(lr, mu)
x = np.full(LR.shape, -1.5)
y = np.full(LR.shape, 2.0)
vx = np.zeros(LR.shape)
vy = np.zeros(LR.shape)
with np.errstate(all="ignore"):
    for _ in range(steps):
        r = y - x * x
        gx = -2.0 * (1.0 - x) - 400.0 * x * r
        gy = 200.0 * r
        vx = MU * vx - LR * gx
        vy = MU * vy - LR * gy
        x += vx
        y += vy
    loss = (1.0 - x) ** 2 + 100.0 * (y - x * x) ** 2
finite = loss[np.isfinite(loss)]
print(f"cells: {loss.size}, finite: {finite.size}, median final loss: {np.median(finite):.6g}")
