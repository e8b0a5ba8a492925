# RUN: %python %tools/run_e2e.py %taipan %s
# Default argument values are evaluated once.
def f(a, b=2, c='c'):
    return (a, b, c)
print(f(1), f(1, 3), f(1, c='z'), f(a=0, b=0, c=0))
def append(x, acc=[]):
    acc.append(x)
    return acc
print(append(1), append(2), append(3, []))
k = 5
def g(v=k):
    return v
k = 6
print(g())
def h(a, b=None):
    if b is None:
        b = []
    b.append(a)
    return b
print(h(1), h(2))
