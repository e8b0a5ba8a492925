# RUN: %python %tools/run_e2e.py %taipan %s
# Calls of a module-level function that pass positional parameters by
# keyword, or leave out ones whose defaults are constants, become direct
# calls with every parameter in order: the keyword arguments are still
# evaluated in source order, a default that is not a constant (a list, an
# expression) keeps the call dynamic, and what the runtime would reject
# (a parameter given twice, an unknown keyword, a missing argument, a
# keyword-only parameter) still raises TypeError.


def f(a, b=2, c=None, d=1.5, e=True):
    return a + b + (0 if c is None else c) + d + e


print(f(1), f(1, 3), f(1, 3, 4), f(1, 3, 4, 0.5), f(1, 3, 4, 0.5, False), f(1, e=False), f(d=0.25, a=2))


def h(a, b, c=3):
    return a * 100 + b * 10 + c


def order(tag):
    print("eval", tag)
    return tag


print(h(1, c=5, b=2), h(b=1, a=2), h(1, 2), h(c=1, b=2, a=3))
print(h(c=order(1), a=order(2), b=order(3)))
for bad in (lambda: h(1, a=2), lambda: h(1, d=2), lambda: h(c=1), lambda: h()):
    try:
        bad()
    except TypeError:
        print("TypeError")


def append_to(item, items=[]):  # a list default is shared between calls
    items.append(item)
    return items


print(append_to(1), append_to(2), append_to(3, []))


def scaled(x, factor=2 * 3):  # an expression: not padded
    return x * factor


def keyword_only(x, *, k=1):
    return x + k


print(scaled(2), scaled(2, factor=0.5), keyword_only(1), keyword_only(1, k=5))


def walk(n, acc=0, step=1):
    if n <= 0:
        return acc
    return walk(n - step, acc=acc + n)


print(walk(10), walk(10, step=3))


# Methods and constructors of known classes called with constant defaults
# left out are direct calls too.
class V:
    def __init__(self, x=0, y=0.0, tag=None):
        self.x = x
        self.y = y
        self.tag = tag

    def moved(self, dx, dy=1.5):
        return V(self.x + dx, self.y + dy)

    def __repr__(self):
        return "V(%r, %r, %r)" % (self.x, self.y, self.tag)


print(V(), V(1), V(2, 3.5), V().moved(1).moved(2, 0.25), V(1, 2.0, "t"), V(tag=[1]).moved(dy=-1, dx=1))
