# Float arithmetic: a Mandelbrot grid and an n-body simulation.
import math


def mandelbrot(w, h, max_iter):
    inside = 0
    for py in range(h):
        ci = -1.2 + 2.4 * py / h
        for px in range(w):
            cr = -2.1 + 3.0 * px / w
            zr = zi = 0.0
            i = 0
            while i < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                i += 1
            if i == max_iter:
                inside += 1
    return inside


def nbody(steps):
    bodies = [
        [0.0, 0.0, 0.0, 0.0, 0.0, 39.47841760435743],
        [4.84, -1.16, 0.606, 2.81, 0.0337, 0.0377],
        [8.34, 4.12, 1.12, -1.01, 0.0016, 0.0113],
        [12.89, -15.11, 2.23, 1.08, 0.0041, 0.0017],
        [15.37, -25.91, 1.66, 0.97, 0.0099, 0.0020],
    ]
    dt = 0.01
    for _ in range(steps):
        for i in range(len(bodies)):
            bi = bodies[i]
            for j in range(i + 1, len(bodies)):
                bj = bodies[j]
                dx = bi[0] - bj[0]
                dy = bi[1] - bj[1]
                d2 = dx * dx + dy * dy + 0.01
                mag = dt / (d2 * math.sqrt(d2))
                bi[2] -= dx * bj[5] * mag
                bi[3] -= dy * bj[5] * mag
                bj[2] += dx * bi[5] * mag
                bj[3] += dy * bi[5] * mag
        for b in bodies:
            b[0] += dt * b[2]
            b[1] += dt * b[3]
    e = 0.0
    for b in bodies:
        e += 0.5 * b[5] * (b[2] * b[2] + b[3] * b[3])
    return e


print(mandelbrot(300, 200, 250), f"{nbody(150000):.9f}")
