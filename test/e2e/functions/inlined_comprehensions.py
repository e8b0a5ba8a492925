# RUN: %python %tools/run_e2e.py %taipan %s
# Comprehensions, and generator expressions that sum, any, all, list, tuple,
# set, sorted, min or max consume directly, are built inline in native
# code. Python's scoping must survive that: the iteration variable does not
# leak into (or clobber) the function's own, the first iterable is
# evaluated in the enclosing scope, walrus targets bind in the function,
# nested comprehensions see the outer one's variables, a lambda made in the
# loop still captures its own variable, a local also captured by a nested
# function stays shared, and parameters read by comprehensions (cells in the
# bytecode) are right whether the call is direct or dynamic.


def scoping(n, k):
    x = 5
    a = [i * k for i in range(n) if i != x]
    s = {i % 3 for i in a}
    d = {i: j for i in range(3) for j in range(i)}
    m = [[x + y for y in range(i)] for i in range(3)]
    i = "outer"
    b = [i for i in range(2)]
    c = [i for i in i]  # the first iterable is the function's i
    return a, sorted(s), sorted(d.items()), m, i, b, c, x


print(scoping(10, 2))
print(scoping(*[4, 3]))  # a dynamic call: the parameters arrive in cells


def walrus(v):
    w = [(y := v * 2 + j) for j in range(2)]
    return w, y


print(walrus(3))


def lambdas(items):
    total = 0
    fs = [lambda: total for _ in items]
    gs = [lambda j=j: j for j in items]
    total = 7
    return [f() for f in fs], [g() for g in gs]


print(lambdas([1, 2]))


def reducers(rows, k):
    s = sum(x * k for x in range(10))
    a = any(x > k for x in rows)
    b = all(x > k for x in rows)
    t = tuple(x + 1 for x in rows if x)
    st = set(x % 3 for x in rows)
    lst = list(x for r in [rows, rows] for x in r)
    mn = min(x for x in rows)
    mx = max(-x for x in rows)
    so = sorted(x for x in rows)
    nested = [sum(x for x in range(r)) for r in rows]
    floats = sum(x / 2 for x in rows)
    return s, a, b, t, sorted(st), lst, mn, mx, so, nested, floats


print(reducers([3, 1, 2, 0], 1))
print(reducers([5], 9))


def short_circuits():
    seen = []

    def item(i):
        seen.append(i)
        return i

    print(any(item(i) > 1 for i in range(5)), seen)
    print(all(item(i) < 2 for i in range(5)), seen)
    print(any(x for x in []), all(x for x in []), sum(x for x in []))
    try:
        print(sum(str(i) for i in range(2)))
    except TypeError:
        print("TypeError")
    try:
        print(min(x for x in []))
    except ValueError:
        print("ValueError")
    it = iter([1, 2])
    try:
        print(list(next(it) for _ in range(3)))
    except RuntimeError as e:
        print("RuntimeError", e)


short_circuits()


def shadowed(xs):
    sum = tuple  # a local sum is not the builtin
    return sum(x for x in xs)


print(shadowed([1, 2, 3]))


class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = [[x * y for x in range(w)] for y in range(h)]

    def row_sums(self):
        return [sum(self.cells[y][x] for x in range(self.w)) for y in range(self.h)]


print(Grid(3, 2).row_sums())


class Base:
    def f(self):
        return 1


class Derived(Base):
    def uses_super(self):
        # Zero-argument super() has no arguments in a comprehension's own
        # frame: such a comprehension is not built inline.
        try:
            return [super().f() for _ in range(2)]
        except (TypeError, RuntimeError):
            return "no super() in a comprehension"


print(Derived().uses_super())
