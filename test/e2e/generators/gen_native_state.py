# RUN: %python %tools/run_e2e.py %taipan %s
# Native generators keep everything live across a yield: typed locals
# (ints, floats), temporaries of an expression a yield interrupts, loop
# positions, and try handlers, which are left at each yield and re-entered
# at each resumption.


def floats(n):
    x = 0.5
    total = 0.0
    for i in range(n):
        total += x * i
        yield total
    return total


print(list(floats(5)))


def mid_expression():
    a = 10
    r = [a, (yield a), a + (yield a + 1)]
    return r


g = mid_expression()
print(next(g), g.send("first"))
try:
    g.send(7)
except StopIteration as e:
    print("returned", e.value)


def over_list(xs):
    for x in xs:
        for y in (x, x * 10):
            yield y


print(list(over_list([1, 2, 3])))


def nested_try():
    try:
        try:
            yield "inner"
        except KeyError as e:
            print("inner caught", type(e).__name__, e)
            yield "after inner"
        yield "between"
    except ValueError as e:
        print("outer caught", type(e).__name__, e)
        yield "after outer"
    finally:
        print("finally runs")


g = nested_try()
print(next(g))
print(g.throw(KeyError))
print(next(g))
print(g.throw(ValueError("v")))
try:
    next(g)
except StopIteration:
    print("exhausted")


def raise_after_resume():
    try:
        yield 1
        raise IndexError("late")
    except IndexError as e:
        yield "handled " + str(e)


print(list(raise_after_resume()))


def yield_in_handler():
    try:
        raise OSError("x")
    except OSError:
        v = yield "in handler"
        print("got", v)
    yield "done"


g = yield_in_handler()
print(next(g), g.send(42))


class Res:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return False


def with_yield():
    with Res():
        yield 1
        yield 2


g = with_yield()
print(next(g))
g.close()
print(list(with_yield()))


def unstarted():
    print("never printed")
    yield 1


g = unstarted()
try:
    g.send(1)
except TypeError as e:
    print("TypeError", e)
try:
    g.throw(ValueError("into fresh"))
except ValueError as e:
    print("ValueError", e)


def leaks_stop():
    yield 1
    raise StopIteration


try:
    list(leaks_stop())
except RuntimeError as e:
    print("RuntimeError", e)


def tree(n):
    if n > 0:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)


print(list(tree(3)))


def reentrant():
    yield next(g2)


g2 = reentrant()
try:
    next(g2)
except ValueError as e:
    print("ValueError", e)


def closure_counter():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count

    while count < 3:
        yield bump()


print(list(closure_counter()))
print(sum(x * x for x in range(100) if x % 3 == 0))
print(dict((k, len(k)) for k in ["a", "bb"]))
