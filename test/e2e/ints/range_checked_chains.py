# RUN: %python %tools/run_e2e.py %taipan %s
# The speculative copy of a block of int operations checks the ints it loads
# for a small magnitude (under 2**30 with 64-bit words) and then leaves out
# the overflow checks that interval arithmetic shows cannot fail
# (backends/llvm/lower_speculate.cpp, range checks). Operands at, just
# under and over the bound, negative ones, big ints, and floor division and
# modulo by constants must all give Python's results.

B = 1 << 30


def index(i, j):
    ij = i + j
    return ij * (ij + 1) // 2 + i + 1


def mixed(a, b, c):
    x = a * b - c
    y = (a - b) * (b - c)
    return x // 3, x % 7, y // -5 if False else y // 5, (x + y) * 4 - a


def square_sum(a, b):
    return a * a + b * b - 2 * a * b


def reuses(a):
    t = a * 3
    u = t + t
    t = u * u
    return t - u


# Bounds that reach an operation only through a local the block stored.
def copies(a):
    x = a
    y = x * x + x
    z = y
    return z * 2 - x


values = [0, 1, -1, 7, -7, 1000, -1000, B - 1, -B, B, -B - 1, B + 1, 2 * B, 1 << 40, -(1 << 40), 1 << 62, -(1 << 62),
          (1 << 62) - 1, 1 << 70, -(1 << 70)]

for v in values:
    print(v, index(v, 3), index(3, v), index(v, v), index(-v, v))
    print(mixed(v, 5, -3), mixed(5, v, 11), mixed(v, -v, v))
    print(square_sum(v, 2), square_sum(-3, v), reuses(v), copies(v))

# In a loop, with bounds that cross the limit while it runs.
total = 0
for i in range(B - 3, B + 3):
    for j in range(2):
        total += index(i, j) % 1000003
print(total)

# Floor division and modulo of negative values by constants (floor rounding).
for a in (-10, -9, -1, 0, 1, 9, 10, -B, B - 1):
    print(a, a * 3 // 4, (a - 7) % 5, (a * a) // 7, -a // 2)
