# RUN: %python %tools/run_e2e.py %taipan %s
# Mixed int/float arithmetic and comparisons.
print(1 + 1.0, 2 * 0.5, 3 - 0.25, 7 / 2, 6 / 3, type(6 / 3).__name__)
print(1 == 1.0, 2 < 2.5, -1 > -1.5, 10 ** 20 > 1e19)
print(max(1, 2.5), min(3, 2.0), sum([1, 2.5, 0.5]))
print(int(1e15), float(10 ** 15), 2 ** 0.0)
import math
print(math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5))
print(math.pi > 3.14, math.e > 2.71, math.fabs(-3.0), math.isnan(float('nan')), math.isinf(float('inf')))
print(math.trunc(-3.7), math.copysign(2.0, -0.0), math.fmod(7.0, 3.0))
