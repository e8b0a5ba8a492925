# Calls of the builtin math and cmath modules' functions are typed by what
# those functions return (cmath: complex numbers, phase a float, polar a
# pair of floats), and so are the modules' float constants; a from-import
# bound once counts too. A program module named cmath would turn it off.
# RUN: %taipan compile --emit=ir %s | FileCheck %s
import cmath
import math
from cmath import exp


def f(x):
    a = cmath.rect(1, x)
    b = exp(a)
    c = cmath.phase(b)
    d = cmath.polar(b)
    e = math.cos(x) + cmath.pi + math.e
    return a, b, c, d, e


print(f(0.5))

# CHECK-LABEL: function f (native) slots=1 params: x:float returns tuple[complex, complex, float, tuple[float, float], float]
# CHECK: {{%[0-9]+}}:complex = call.method {{%[0-9]+}}.rect(
# CHECK: {{%[0-9]+}}:complex = call {{%[0-9]+}}(
# CHECK: {{%[0-9]+}}:float = call.method {{%[0-9]+}}.phase(
# CHECK: {{%[0-9]+}}:tuple[float, float] = call.method {{%[0-9]+}}.polar(
# CHECK: {{%[0-9]+}}:float = math.call cos
# CHECK: {{%[0-9]+}}:float = load.attr {{%[0-9]+}}, 'pi'
# CHECK: {{%[0-9]+}}:float = load.attr {{%[0-9]+}}, 'e'
