# RUN: %python %tools/run_e2e.py %taipan %s
# Blocks of chained int operations run a speculative copy that leaves for
# the generic copy at the first operation that is not a small int result
# (overflow, a big int or a float operand, a bool, division by zero). The
# generic copy must go on with every value computed before the exit, and
# the effects before it must happen exactly once.

log = []


def note(x):
    log.append(x)
    return x


def chain(i, j):
    ij = i + j
    return ij * (ij + 1) // 2 + i + 1


def effects_then_overflow(a, b):
    # note() runs before the multiplication that may overflow: once only.
    c = note(a + b) * b * b * b
    d = c + a - b
    return d, c % 7, (c - d) * a


def values_across_the_exit(x, y):
    s = x + 1
    t = s * y          # may leave here
    u = t * t * s      # or here
    return s, t, u, s + t + u


def compare_chain(a, b):
    m = a * b
    return m > a + b, m == a * b, (m - a) < b


def shifts(a, n):
    h = (a << n) >> 1
    return h, (h ^ a) & 0xFFFF, h | (a << 2)


def with_bools(a, flag):
    x = a + flag
    return x * flag + True


def divisions(a, b):
    q = a // b + a % b
    return q * q - a // (b + 1)


def loop_sum(n, start):
    total = 0
    i = 0
    while i < n:
        total = total * 3 + i * i - (start + i)
        i += 1
    return total


def counters(n):
    out = []
    for i in range(n):
        for j in range(n):
            k = (i + j) * (i - j) + i * j
            if k % 5 == 0:
                out.append(k)
    return out


big = 2 ** 61
huge = 2 ** 100
print(chain(3, 4), chain(10 ** 9, 10 ** 9), chain(big, big), chain(huge, 1))
for args in [(2, 3), (10 ** 5, 10 ** 5), (big, 3), (3, big), (-big, big - 1), (huge, -huge)]:
    print(effects_then_overflow(*args))
print(log)
for args in [(1, 2), (2 ** 30, 2 ** 20), (big, 2), (-5, huge), (0, 0)]:
    print(values_across_the_exit(*args))
for args in [(3, 4), (big, big), (-big, big), (huge, 2)]:
    print(compare_chain(*args))
for args in [(5, 3), (big, 2), (1, 62), (-7, 60), (huge, 5)]:
    print(shifts(*args))
print(with_bools(4, True), with_bools(big * 2 - 1, True), with_bools(huge, False))
for args in [(17, 5), (-17, 5), (17, -5), (huge, 7), (big, -1)]:
    print(divisions(*args))
try:
    print(divisions(5, 0))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print(divisions(5, -1))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(loop_sum(10, 4), loop_sum(60, big), loop_sum(5, huge))
print(len(counters(30)), sum(counters(30)))


# Untyped operands: the chain also takes floats and other objects.
def untyped(a, b):
    c = a * b + a
    return c * c - b


print(untyped(3, 4), untyped(big, 3), untyped(2.5, 4), untyped(3, 0.5))
print(untyped([1], 2) if False else untyped(True, 2))
