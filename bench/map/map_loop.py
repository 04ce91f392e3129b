# The convergence map of bench/run.sh's `map` benchmark as a plain Python loop, one cell at a time:
# SGD with momentum in Keras's convention (v = mu*v - lr*g; theta += v) on Rosenbrock
# f = (1 - x)^2 + 100 (y - x^2)^2 from (-1.5, 2), lr log-spaced from 1e-5 to 1e-2, momentum from 0 to 0.99,
# 100 x 100 cells of 1,000 steps. A cell stops when its loss is no longer finite. The numbers only.
import math

steps = 1000
n = 100
finite = 0
for i in range(n):
    mu = 0.99 * i / (n - 1)
    for j in range(n):
        lr = 1e-5 * 1000.0 ** (j / (n - 1))
        x, y, vx, vy = -1.5, 2.0, 0.0, 0.0
        loss = (1 - x) ** 2 + 100 * (y - x * x) ** 2
        for _ in range(steps):
            r = y - x * x
            gx = -2 * (1 - x) - 400 * x * r
            gy = 200 * r
            vx = mu * vx - lr * gx
            vy = mu * vy - lr * gy
            x += vx
            y += vy
            try:
                loss = (1 - x) ** 2 + 100 * (y - x * x) ** 2
            except OverflowError:
                loss = math.inf
            if not math.isfinite(loss):
                break
        if math.isfinite(loss):
            finite += 1
print(f"cells: {n * n}, finite: {finite}")
