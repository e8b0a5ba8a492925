# RUN: %python %tools/run_e2e.py %taipan %s
# Generator functions: lazy execution, exhaustion, multiple instances.
def count(n):
    print('start')
    for i in range(n):
        yield i
    print('end')
g = count(3)
print('made')
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration:
    print('stopped')
print(list(count(2)), list(count(0)))
a, b = count(2), count(2)
print(next(a), next(a), next(b))
def fib():
    x, y = 0, 1
    while True:
        yield x
        x, y = y, x + y
f = fib()
print([next(f) for _ in range(12)])
