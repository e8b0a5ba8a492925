# RUN: %python %tools/run_e2e.py %taipan %s
# A builtin function stored in a class (f = abs) is not bound to the
# instance it is loaded from: it behaves like a staticmethod, as in CPython
# and MicroPython. A builtin type's own methods still bind, also through a
# subclass and super().


class C:
    absolute = abs
    length = len
    maximum = max

    def twice(self, x):
        return 2 * x


class L(list):
    def append(self, x):
        super().append(x * 10)


def use(c):
    total = 0
    for i in range(-3, 4):  # the same call sites again and again (caches)
        total += c.absolute(i) + c.length([i] * 2)
    return total


c = C()
print(c.absolute(-6), c.length("abc"), c.maximum(3, 9, 4), c.twice(5))
print(C.absolute(-7), C.length((1, 2)), C.twice(c, 6))
print(use(c), use(c))
f = c.absolute
print(f(-8), f is abs)
c.absolute = len  # an instance attribute wins
print(c.absolute("four"))
l = L()
l.append(1)
l.extend([2, 3])
l.append(4)
print(l, len(l), l.index(40))
