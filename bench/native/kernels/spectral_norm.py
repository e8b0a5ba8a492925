# Spectral norm of the infinite matrix A(i, j) = 1 / ((i+j)(i+j+1)/2 + i + 1),
# truncated to N x N, by 10 rounds of the power method on A^T A (the Computer
# Language Benchmarks Game's algorithm). Prints the norm, then `time_us N`.
# Usage: spectral_norm.py [N]
import sys
from math import sqrt

try:
    from time import ticks_us, ticks_diff
except ImportError:
    from time import perf_counter

    def ticks_us():
        return int(perf_counter() * 1000000)

    def ticks_diff(a, b):
        return a - b

N = 500


def eval_a(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def times_a(u, out, n):
    # out = A u
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * u[j]
        out[i] = s


def times_at(u, out, n):
    # out = A^T u
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(j, i) * u[j]
        out[i] = s


def times_ata(u, out, tmp, n):
    times_a(u, tmp, n)
    times_at(tmp, out, n)


def spectral_norm(n):
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for _ in range(10):
        times_ata(u, v, tmp, n)
        times_ata(v, u, tmp, n)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return sqrt(vbv / vv)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else N
    t0 = ticks_us()
    norm = spectral_norm(n)
    t1 = ticks_us()
    print("norm %.9f" % norm)
    print("time_us", ticks_diff(t1, t0))


main()
