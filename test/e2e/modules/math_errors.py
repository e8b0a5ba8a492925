# RUN: %python %tools/run_e2e.py %taipan %s
# The errors of the math module that CPython and MicroPython share.
import math

def attempt(name, f, *args):
    try:
        print(name, args, f(*args))
    except (ValueError, ZeroDivisionError, OverflowError, TypeError) as e:
        print(name, args, type(e).__name__)

inf = math.inf
attempt('sqrt', math.sqrt, -1)
attempt('sqrt', math.sqrt, -inf)
attempt('log', math.log, 0)
attempt('log', math.log, -2.5)
attempt('log', math.log, 10, 0)
attempt('log', math.log, 10, 1)
attempt('log', math.log, 10, -2)
attempt('log2', math.log2, 0)
attempt('log10', math.log10, -1)
attempt('acos', math.acos, 1.5)
attempt('asin', math.asin, -2)
attempt('acosh', math.acosh, 0.5)
attempt('atanh', math.atanh, 1)
attempt('atanh', math.atanh, -3)
attempt('pow', math.pow, -8, 1 / 3)
attempt('pow', math.pow, 0, -1)
attempt('fmod', math.fmod, 1, 0)
attempt('fmod', math.fmod, inf, 2)
attempt('sin', math.sin, inf)
attempt('cos', math.cos, -inf)
attempt('tan', math.tan, inf)
attempt('gamma', math.gamma, 0)
attempt('gamma', math.gamma, -3)
attempt('gamma', math.gamma, -inf)
attempt('lgamma', math.lgamma, -2)
attempt('factorial', math.factorial, -1)
attempt('floor', math.floor, inf)
attempt('ceil', math.ceil, math.nan)
attempt('trunc', math.trunc, -inf)
attempt('isclose', math.isclose, 1, 1)
attempt('sqrt', math.sqrt, 'x')

# nan and inf arguments pass through without errors.
print(math.sqrt(inf), math.exp(-inf), math.log(inf), math.atan(inf) == math.pi / 2)
print(math.isnan(math.sin(math.nan)), math.isnan(math.pow(math.nan, 2)), math.pow(math.nan, 0), math.pow(1, math.nan))
print(math.fmod(3, inf), math.tanh(inf), math.tanh(-inf), math.atan2(inf, -inf) == 3 * math.pi / 4)
