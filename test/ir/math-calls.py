# The builtin math module's functions of one number that give a float
# (runtime/math_unary.def), called through `math.f` or a global bound only
# by `from math import f`, become math.call: the number converted to a
# float inline as the module converts it, then the module's own
# implementation through the math1 helper, the result an unboxed float.
# Domain and conversion errors are the module's, and so is the conversion
# of anything but a float or an int (math_arg: __float__; sqrt too).
# RUN: %taipan compile --emit=ir %s | FileCheck %s
# RUN: %taipan compile --emit=llvm %s | FileCheck %s --check-prefix=LLVM
# RUN: %python %tools/run_e2e.py %taipan %s
import math
from math import sin, cos as c


def f(x, n):
    return math.sin(x) + c(n) + math.fabs(-x) + math.exp(0.5) + math.atan(n) + math.tan(x) + sin(n)


def g(v):
    return math.asin(v) + math.acos(v)


class Half:
    def __float__(self):
        return 0.5


def h(x):
    return math.sin(x), math.sqrt(x)


print(f(0.25, 3), g(0.0), g(1), h(Half()) == (math.sin(0.5), math.sqrt(0.5)))
for bad in (lambda: math.acos(2.0), lambda: math.asin(-1.5), lambda: math.cos(10**400)):
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)

# CHECK-LABEL: function f (native)
# CHECK-NOT: call
# CHECK: float = math.call sin %{{[0-9]+}}
# CHECK: float = math.call cos
# CHECK: float = math.call fabs
# CHECK: float = math.call exp
# CHECK: float = math.call atan
# CHECK: float = math.call tan
# CHECK: float = math.call sin
# CHECK-LABEL: function g (native)
# CHECK: math.call asin
# CHECK: math.call acos

# LLVM-DAG: call double @taipan_native_math_arg(
# LLVM-DAG: call double @taipan_native_math1(i64 0, double
# LLVM-DAG: call double @taipan_native_math1(i64 1, double
# LLVM-DAG: declare {{.*}}double @taipan_native_math1(i64, double)
