# RUN: %python %tools/run_e2e.py %taipan %s
# x ** 2 of a float is one multiplication, typed (a constant exponent) or
# not: the correctly rounded square, as the exact power rounds; other
# exponents as before. (No overflow here: CPython raises OverflowError
# where MicroPython gives inf.)
import math


def typed(x):
    return x**2, x**2.0, x**3, x**0.5 if x >= 0 else None, x**-2 if abs(x) > 1e-100 else None


def untyped(x, n):
    return x**n


values = [0.0, -0.0, 1.5, -2.25, 0.1, 1e-160, -3e100, math.inf, -math.inf, 1e-310, 7.000000000000001]
for v in values:
    print(v, typed(v), untyped(v, 2), untyped(v, 2.0), untyped(v, 0.5) if v >= 0 else "-")
print(untyped(math.nan, 2), untyped(2, 2), untyped(3, 2.0), untyped(-1.5, 2))
print(sum(untyped(i / 7, 2) for i in range(100)))
