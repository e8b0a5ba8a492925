# RUN: %python %tools/run_e2e.py %taipan %s
# The math module's functions and constants; floats printed to 12 digits
# (the freestanding implementations are accurate to a few ulp, not exact).
import math

def show(name, value):
    if isinstance(value, float):
        print(name, '%.12g' % value)
    else:
        print(name, value)

show('pi', math.pi)
show('e', math.e)
show('tau', math.tau)
print(math.inf, -math.inf, math.isnan(math.nan), math.inf > 1e308)

for x in (0.0, 0.25, 1.0, 2.0, 10.0, 123.456):
    show('sqrt', math.sqrt(x))
    show('exp', math.exp(x / 4))
    show('expm1', math.expm1(x / 1000))
    show('sin', math.sin(x))
    show('cos', math.cos(x))
    show('tan', math.tan(x))
    show('atan', math.atan(x))
    show('sinh', math.sinh(x / 2))
    show('cosh', math.cosh(x / 2))
    show('tanh', math.tanh(x / 2))
    show('asinh', math.asinh(x))
    show('acosh', math.acosh(x + 1))
    if x > 0:
        show('log', math.log(x))
        show('log2', math.log2(x))
        show('log10', math.log10(x))
        show('log base 3', math.log(x, 3))

for x in (-1.0, -0.5, 0.0, 0.3, 0.5, 1.0):
    show('asin', math.asin(x))
    show('acos', math.acos(x))
    if abs(x) < 1:
        show('atanh', math.atanh(x))

# Exact results.
print(math.log2(1024), math.log10(1e6), math.log(1), math.exp(0))
print(math.sqrt(16), math.sqrt(2.25), math.pow(2, 10), math.pow(2, -1), math.pow(9, 0.5))
print(math.atan2(0, -1) == math.pi, math.atan2(1, 1) == math.pi / 4, math.atan2(-0.0, 1))
print(math.degrees(math.pi), math.radians(180) == math.pi)
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.fabs(-7), math.fabs(-0.0))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7.5, -2), math.fmod(1e300, 3.0))
print(math.ldexp(0.75, 4), math.ldexp(1, -3), math.frexp(0.0), math.frexp(-48.0), math.frexp(1e-310)[1])
print(math.modf(3.25), math.modf(-3.25), math.modf(2.0), math.modf(-0.0))

# ceil/floor/trunc give ints.
for x in (-2.5, -0.5, -0.0, 0.4, 1.0, 2.5, 1e20):
    print(x, math.ceil(x), math.floor(x), math.trunc(x), type(math.floor(x)).__name__)

print(math.isfinite(1.0), math.isfinite(math.inf), math.isfinite(math.nan))
print(math.isinf(-math.inf), math.isinf(1e308), math.isnan(float('nan')), math.isnan(0))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf))

for n in (0, 1, 5, 10, 20, 21, 30):
    print('factorial', n, math.factorial(n))

# ints, bools and objects with __float__ are accepted.
class Half:
    def __float__(self):
        return 0.5

print(math.sqrt(4), math.floor(True), math.exp(Half()) == math.exp(0.5))
