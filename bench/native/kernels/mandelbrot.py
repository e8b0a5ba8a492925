# Mandelbrot set on a SIZE x SIZE grid over [-2, 0.5] x [-1.25, 1.25], at most
# 50 iterations per point. Prints the number of points inside the set and the
# total iteration count, then `time_us N` (the computation alone).
# Usage: mandelbrot.py [SIZE]
import sys

try:
    from time import ticks_us, ticks_diff
except ImportError:
    from time import perf_counter

    def ticks_us():
        return int(perf_counter() * 1000000)

    def ticks_diff(a, b):
        return a - b

SIZE = 800
MAX_ITER = 50


def mandelbrot(size, max_iter):
    inside = 0
    total = 0
    step = 2.5 / size
    for py in range(size):
        ci = -1.25 + py * step
        for px in range(size):
            cr = -2.0 + px * step
            zr = 0.0
            zi = 0.0
            n = 0
            while n < max_iter:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                n += 1
            if n == max_iter:
                inside += 1
            total += n
    return inside, total


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else SIZE
    t0 = ticks_us()
    inside, total = mandelbrot(size, MAX_ITER)
    t1 = ticks_us()
    print("inside", inside)
    print("iterations", total)
    print("time_us", ticks_diff(t1, t0))


main()
