# RUN: %python %tools/run_e2e.py %taipan %s
# Small functions that call no Python function link their frame for
# tracebacks only around their runtime calls (natively compiled callers
# inline them into loops). Their entries must still appear, with the line,
# whether the exception comes from a raise, from a runtime operation that
# raises, or on a slow path; and a runtime call that returns normally must
# leave no trace of the frame behind.
# .exp: MicroPython's traceback format (sys.print_exception), which CPython
# does not have.
import sys


def show(exc):
    sys.print_exception(exc, sys.stdout)


def ratio(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 - i - 2)


def index(xs, i):
    return xs[i]


def add(a, b):
    return a + b


def grow(x):
    # A big int: the runtime's multiplication returns normally.
    return x * x * x


def scan(n):
    total = 0.0
    for i in range(n):
        total += ratio(i, 1)
    return total


try:
    scan(5)
except ZeroDivisionError as e:
    show(e)

try:
    total = 0
    for i in range(5):
        total += index([1, 2, 3], i)
except IndexError as e:
    show(e)

try:
    add(1, "x")
except TypeError as e:
    show(e)

try:
    big = grow(2**40)
    print(big > 0)
    raise ValueError("after the slow path")
except ValueError as e:
    show(e)


def caller():
    values = []
    for k in range(3):
        values.append(grow(k + 2**31))
    return values[5]


try:
    caller()
except IndexError as e:
    show(e)
