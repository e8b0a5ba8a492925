# RUN: %python %tools/run_e2e.py %taipan %s
# A function some of whose paths call nothing that may raise (a base case:
# compares, int arithmetic, a return) links its frame record for tracebacks
# only on the paths that need it. Every frame must still appear, from either
# kind of path, and returning from the paths that never linked it must
# leave the callers' records as they were.
# .exp: MicroPython's traceback format (sys.print_exception), which CPython
# does not have.
import sys


def show(exc):
    sys.print_exception(exc, sys.stdout)


def check(x):
    if x > 100:
        raise ValueError(x)
    return x


def clamp(x, limit):
    # The early return never links; the other path calls check().
    if x < limit:
        return x + 1
    return check(x * 2)


def walk(n):
    # Recursion whose base case returns unlinked, many times over, before
    # something deeper raises.
    if n < 2:
        return n
    return walk(n - 1) + walk(n - 2) + clamp(n, 8) * 0 + clamp(n * 10, 40)


def outer(n):
    total = 0
    for i in range(n):
        total += clamp(i, 3)
    return total + check(total * 10)


print(clamp(1, 5), clamp(7, 5), walk(3))
for f, arg in ((outer, 6), (walk, 6)):
    try:
        f(arg)
    except ValueError as e:
        show(e)
