# RUN: %python %tools/run_e2e.py %taipan %s
# math.sqrt bound as math.sqrt, from math import sqrt and an alias: natively
# the inline square root, its domain error, and the conversions of ints,
# bools and other types as the math module does them.
import math
from math import sqrt
from math import sqrt as root
def f(x):
    return sqrt(x) + math.sqrt(x) + root(2)
print(f(4.0), f(9), f(True))
for v in (-1.0, -1, float('-inf')):
    try:
        sqrt(v)
    except ValueError as e:
        print("ValueError", e)
print(sqrt(float('inf')), sqrt(-0.0), sqrt(float('nan')))
try:
    sqrt("a")
except TypeError as e:
    print("TypeError")
print(sqrt(10**20))
