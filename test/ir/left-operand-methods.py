# An operator on an instance of a known class calls the class's method
# directly whatever the right operand is, when the method surely returns
# no NotImplemented: the runtime asks the left operand's class first,
# MicroPython's order (CPython tries a right operand's reflected method
# first when its class derives from the left's; MicroPython never does:
# .exp). `x in y` asks y, so it keeps the runtime's dispatch.
# RUN: %taipan compile --emit=ir %s | FileCheck %s
# RUN: %python %tools/run_e2e.py %taipan %s
import sys


class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __contains__(self, item):
        return item == self.x


class Base:
    def __mul__(self, k):
        return "Base.__mul__"


class Derived(Base):
    def __rmul__(self, k):
        return "Derived.__rmul__"


def scale(v, k, other):
    return v * k + other


def mixed(b, x):
    return b * x


def member(v, box):
    return v in box


pick = len(sys.argv) < 5  # true when run: keeps the arguments' types unknown
w = scale(Vec(1, 2), 3 if pick else "no", Vec(1, 1) if pick else None)
print(w.x, w.y)
print(mixed(Base(), Derived() if pick else 2), mixed(Base(), 2 if pick else None))
v = Vec(3, 4)
print(member(v, [v] if pick else None), member(v, Vec(v, 0) if pick else None))

# CHECK-LABEL: function scale (native)
# CHECK-SAME: k:object
# CHECK: = call.direct
# CHECK-NOT: binary
# CHECK: return
# CHECK-LABEL: function mixed (native)
# CHECK: str = call.direct
# CHECK-LABEL: function member (native)
# CHECK: = binary in
