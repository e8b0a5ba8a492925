# Generator expressions passed straight to list(), set(), tuple(),
# sorted() or str.join gather their items themselves when compiled
# natively. Everything observable stays as with a generator: the order in
# which items are computed and added, what the consumer raises and when,
# closures over the caller's variables, PEP 479, and the generator that any
# other consumer still gets.
# RUN: %python %tools/run_e2e.py %taipan %s


def trace(log, x):
    log.append(x)
    return x


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def coords(self):
        return tuple(getattr(self, name) for name in ("x", "y"))


def consumers(n):
    scale = 3
    print(list(i * scale for i in range(n)))
    print(sorted(set(i % 4 for i in range(n))))
    print(tuple(i for i in range(n) if i % 2))
    print(sorted((n - i for i in range(n)), reverse=True))
    print(", ".join(str(i) for i in range(n)))
    print("".join(c.upper() for c in "abc" if c != "b"))
    print(list((i, j) for i in range(3) for j in range(i)))
    print(list(list(j for j in range(i)) for i in range(4)))
    print(len(set(i + j for i in range(n) for j in range(n))))
    print(list(x for x in []), set(x for x in ()), tuple(x for x in ""))


def order_of_effects():
    log = []
    print(sorted(trace(log, x) for x in [3, 1, 2]), log)
    log = []
    try:
        set(trace(log, [x]) if x == 2 else trace(log, x) for x in [1, 2, 3])
    except TypeError:
        print("unhashable after", log)
    log = []
    try:
        list(trace(log, 10 // x) for x in [5, 2, 0, 1])
    except ZeroDivisionError:
        print("stopped after", log)
    try:
        "-".join(trace(log, x) for x in ["a", 1, "b"])
    except TypeError:
        print("join checks after gathering", log)


def stop_iteration():
    it = iter([1, 2])
    try:
        print(list(next(it) for _ in range(5)))
    except RuntimeError as e:
        print("RuntimeError", e)
    it = iter([1])
    try:
        set(next(it) for _ in range(3))
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        tuple(x for x in [1] if next(iter([])))
    except RuntimeError as e:
        print("RuntimeError", e)


def iter_raising():
    yield 1
    raise ValueError("from the iterable")


def lazy_consumers(n):
    print(any(i > 2 for i in range(n)), all(i < 2 for i in range(n)))
    print(sum(i for i in range(n)), max(i % 3 for i in range(n)))
    g = (i * i for i in range(n))
    print(next(g), list(g))
    print(list(enumerate(c for c in "ab")))


def shadowed(n):
    list = lambda g: "local list got " + type(g).__name__
    return list(i for i in range(n))


def in_generator(items):
    for k in range(2):
        yield tuple(items[i] * k for i in range(len(items)))


try:
    list(x for x in iter_raising())
except ValueError as e:
    print("ValueError", e)

consumers(6)
order_of_effects()
stop_iteration()
lazy_consumers(5)
print(shadowed(3))
print(list(in_generator([1, 2, 3])))
print(Point(4, 5).coords())
print(sorted(x * 2 for x in {3: 0, 1: 0}))
