# RUN: %python %tools/run_e2e.py %taipan %s
# Functions returning tuples unpacked at the call site, and swapping in loops.
def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([4, 9, 1, 7])
print(lo, hi)
def stats(xs):
    return len(xs), sum(xs), sorted(xs)
n, total, (smallest, *_, largest) = stats([5, 3, 8, 1])
print(n, total, smallest, largest)
a, b = 0, 1
for _ in range(10):
    a, b = b, a + b
print(a, b)
values = [3, 1, 2]
values[0], values[1], values[2] = values[2], values[0], values[1]
print(values)
