# RUN: %python %tools/run_e2e.py %taipan %s
# Generators keep local state across yields, including loops and try blocks.
def windows(seq, n):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(windows(range(6), 3)))
def running_max(seq):
    best = None
    for x in seq:
        if best is None or x > best:
            best = x
        yield best
print(list(running_max([3, 1, 4, 1, 5, 9, 2, 6])))
def take(n, it):
    for _ in range(n):
        yield next(it)
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, naturals())))
def pipeline():
    evens = (x for x in naturals() if x % 2 == 0)
    squares = (x * x for x in evens)
    return list(take(4, squares))
print(pipeline())
