# RUN: %python %tools/run_e2e.py --mode native %taipan %s
# Native code builds list, set and dict comprehensions inline (as CPython
# 3.12 does, PEP 709), so an exception raised inside one has no
# <listcomp> frame in its traceback: the enclosing function's frame points
# at the comprehension's line. The bytecode (--vm, and MicroPython) calls
# the comprehension's own function and shows that frame, so this test runs
# natively only. So do generator expressions that a reducer builtin (sum,
# any, all, list, tuple, set, sorted, min, max) consumes directly; a
# StopIteration from their items still becomes RuntimeError, as a
# generator's does. Other generator expressions keep their frame
# (tracebacks.py).
import sys


def check(v):
    if v > 2:
        raise ValueError("too big")
    return v


def squares(n):
    return {v: check(v) * v for v in range(n)}


def nested(rows):
    return [[check(x) for x in row] for row in rows]


def total(n):
    return sum(check(v) for v in range(n))


def stops(items):
    it = iter(items)
    return any(next(it) > 5 for _ in range(3))


for thunk in (lambda: squares(5), lambda: nested([[1, 2], [3]]), lambda: total(4), lambda: stops([1, 2])):
    try:
        print(thunk())
    except (ValueError, RuntimeError) as e:
        sys.print_exception(e, sys.stdout)
print(squares(3), nested([[0], [1, 2]]), total(3), stops([1, 9]))
