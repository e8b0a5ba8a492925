# RUN: %python %tools/run_e2e.py %taipan %s
# next() with a default on generators, generator truthiness and reuse.
def two():
    yield 'first'
    yield 'second'
g = two()
print(next(g, 'd'), next(g, 'd'), next(g, 'd'), next(g, 'd'))
print(bool(two()), list(two()) == ['first', 'second'])
def countdown(n):
    while n:
        yield n
        n -= 1
print(max(countdown(5)), min(countdown(5)), sorted(countdown(4)), dict(enumerate(countdown(2))))
print(list(zip(countdown(3), two())), list(map(str, countdown(3))))
