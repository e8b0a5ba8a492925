# RUN: %python %tools/run_e2e.py %taipan %s
# Tracebacks name every frame an exception passed through, natively compiled
# or not: the file, the line each frame was at (the call, or the raise) and
# the function's name; the frame that catches it too.
# .exp: MicroPython's traceback format (sys.print_exception), which CPython
# does not have.
import sys


def show(exc):
    sys.print_exception(exc, sys.stdout)


def inner(x):
    return 10 // x


def middle(x):
    y = x + 1
    return inner(y - 1)


def outer(x):
    return middle(x) + 1


# Through three frames, caught two frames up.
try:
    outer(0)
except ZeroDivisionError as e:
    show(e)


# Caught in the frame that called: that frame's entry is added too.
def catches():
    try:
        inner(0)
    except ZeroDivisionError as e:
        show(e)


catches()


# A bare raise keeps the traceback and does not name its frame twice.
def reraises():
    try:
        inner(0)
    except ZeroDivisionError:
        raise


try:
    reraises()
except ZeroDivisionError as e:
    show(e)


# `raise e` is a new raise in the handler's frame.
def raises_again():
    try:
        inner(0)
    except ZeroDivisionError as e:
        raise e


try:
    raises_again()
except ZeroDivisionError as e:
    show(e)


# finally re-raises what it did not catch.
def with_finally(d):
    try:
        return d["missing"]
    finally:
        d["seen"] = True


try:
    with_finally({})
except KeyError as e:
    show(e)


# Generators: the body's frame while it runs.
def numbers(n):
    for i in range(n):
        yield 10 // (n - 1 - i)


def total(n):
    s = 0
    for v in numbers(n):
        s += v
    return s


try:
    total(3)
except ZeroDivisionError as e:
    show(e)

gen = numbers(2)
print(next(gen))
try:
    next(gen)
except ZeroDivisionError as e:
    show(e)


# Methods, closures, lambdas and comprehensions have their names.
class Shape:
    def __init__(self, sides):
        self.sides = sides

    def angle(self):
        return 360 // self.sides


def make_checker(limit):
    def check(v):
        if v > limit:
            raise ValueError("too big")
        return v

    return check


for thunk in (
    lambda: Shape(0).angle(),
    lambda: list(iter(make_checker(2)(v) for v in range(5))),
    lambda: sorted([3, 1, 2], key=lambda v: 1 // (v - 2)),
    lambda: list(map(make_checker(0), [0, 1])),
):
    try:
        thunk()
    except (ValueError, ZeroDivisionError) as e:
        show(e)


# An exception caught in a loop starts with no entries each time.
def fail(i):
    raise IndexError(i)


for i in range(3):
    try:
        fail(i)
    except IndexError as e:
        show(e)


# Deep recursion: one entry per frame.
def countdown(n):
    if n == 0:
        raise RuntimeError("bottom")
    return countdown(n - 1)


try:
    countdown(3)
except RuntimeError as e:
    show(e)


# A small recursive function is compiled with every other level inlined
# (ModuleLowering::UnrollsRecursion): each level still has its entry, at
# even and odd depths, raised from either call.
def tree(n, fail_at):
    if n == fail_at:
        raise ValueError(n)
    if n < 2:
        return n
    return tree(n - 1, fail_at) + tree(n - 2, fail_at)


for depth, fail_at in ((4, 0), (5, 0), (3, 1), (6, -1)):
    try:
        tree(depth, fail_at)
    except ValueError as e:
        show(e)


# print_exception wants a stream, and prints what is no exception as it is.
try:
    sys.print_exception(ValueError("v"), 1)
except OSError:
    print("OSError")
sys.print_exception(ValueError, sys.stdout)
sys.print_exception("text", sys.stdout)


# Through a chain of generators delegating with yield from (the runtime
# steps the innermost directly while it yields): one entry per level, at
# its yield from.
def raises_later(n):
    yield n
    raise ValueError("deep")


def delegates(depth):
    if depth == 0:
        yield from raises_later(depth)
    else:
        yield from delegates(depth - 1)


try:
    for v in delegates(3):
        pass
except ValueError as e:
    show(e)
g = delegates(2)
next(g)
try:
    g.throw(KeyError("thrown"))
except KeyError as e:
    show(e)


# Generator expressions gathered by list(), set(), tuple(), sorted() or
# str.join (natively, the generator expression collects its items itself):
# an exception from the body names the generator expression's line and the
# consumer's; a StopIteration becomes RuntimeError at the consumer's line.
# (iter() keeps `consumes`'s generator expression a generator: natively, one
# a reducer builtin consumes directly is built inline, without a frame of
# its own; see traceback_inlined_comprehension.py.)
def boom(x):
    if x == 2:
        raise KeyError(x)
    return x


def consumes(items):
    return sorted(iter(boom(x) for x in items))


def stops(items):
    it = iter(items)
    return list(next(it) for _ in range(5))


try:
    consumes([1, 2])
except KeyError as e:
    show(e)
try:
    stops([1, 2])
except RuntimeError as e:
    show(e)
