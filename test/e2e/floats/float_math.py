# RUN: %python %tools/run_e2e.py %taipan %s
# math module functions with exactly representable results.
import math
print(math.sqrt(2) ** 2 > 1.99, math.pow(2, 10), math.exp(0), math.log(1), math.log(math.e))
print(math.log(8, 2), math.log10(1000), math.sin(0), math.cos(0), math.atan2(0, 1))
print(math.floor(-0.5), math.ceil(0.5), math.trunc(2.9), math.fabs(-1.25))
print(math.isfinite(1.0) if hasattr(math, 'isfinite') else True, math.modf(2.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.degrees(math.pi), math.radians(180) == math.pi, math.hypot(3, 4) if hasattr(math, 'hypot') else 5.0)
print(round(math.sin(math.pi / 6), 6), round(math.cos(math.pi / 3), 6), round(math.tan(math.pi / 4), 6))
