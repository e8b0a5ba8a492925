# RUN: %python %tools/run_e2e.py %taipan %s
# Self-recursive tail calls, plain (`return f(...)`) and accumulating
# (`return x + f(...)`, `return f(...) * x` on ints), which native code
# turns into jumps back to the function's start: results, evaluation
# order, fresh locals per call, and the error of unbounded recursion
# (RuntimeError in MicroPython; CPython's RecursionError is a subclass).


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def length(items, i):
    # The call on the left: + commutes on ints.
    if i == len(items):
        return 0
    return length(items, i + 1) + 1


def falling(n, k):
    # The call on the left, multiplied by a parameter read after it.
    if k == 0:
        return 1
    return falling(n - 1, k - 1) * n


def offset_sum(n, step):
    # The call on the left, the other operand computed after it by
    # arithmetic: it stays a call.
    if n <= 0:
        return 0
    return offset_sum(n - step, step) + (n * 3 - step)


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def count_down(n, flag):
    # A plain tail call whose result is not an int.
    if n == 0:
        return flag
    return count_down(n - 1, not flag)


def total(items, i):
    # Deeper than one real frame's bound on jumps back.
    if i == len(items):
        return 0
    return items[i] + total(items, i + 1)


def big_sum(n):
    # The accumulator overflows into big ints.
    if n == 0:
        return 0
    return (1 << 62) + big_sum(n - 1)


order = []


def noted(x):
    order.append(x)
    return x


def traced(n):
    # x is evaluated before the call it is added to.
    if n == 0:
        return noted(100)
    return noted(n) + traced(n - 1)


def fresh(n, seen):
    # `last` is bound again by every call before it is read.
    last = n * 2
    seen.append(last)
    if n == 0:
        return last
    return last + fresh(n - 1, seen)


def endless(n):
    if n < 0:  # never: only there to make the result an int
        return 0
    return 1 + endless(n + 1)


def endless_plain(n):
    return endless_plain(n + 1)


def raises_deep(n, limit):
    if n == limit:
        raise ValueError("bottom at %d" % n)
    if n == 0:
        return 0
    return n + raises_deep(n - 1, limit)


print(fib(0), fib(1), fib(2), fib(25))
print(factorial(30))
print(length(list(range(700)), 0), falling(30, 12), offset_sum(1000, 7))
print(gcd(1071, 462), gcd(2 ** 80, 6 ** 40))
print(count_down(7, True), count_down(10, True))
print(total(list(range(900)), 0))
print(big_sum(50))
print(traced(5), order)
seen = []
print(fresh(6, seen), seen)
try:
    endless(0)
except RuntimeError:  # RecursionError in CPython, its subclass
    print("endless: too deep")
try:
    endless_plain(0)
except RuntimeError:
    print("endless_plain: too deep")
print(raises_deep(300, -1))
try:
    raises_deep(300, 7)
except ValueError as e:
    print("ValueError", e)
