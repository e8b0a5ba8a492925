# RUN: %python %tools/run_e2e.py %taipan %s
# Keyword-only arguments, with and without defaults.
def f(a, *, b, c=3):
    return a + b + c
print(f(1, b=2), f(1, b=2, c=10), f(a=1, c=0, b=0))
try:
    f(1, 2)
except TypeError:
    print('TypeError positional')
try:
    f(1)
except TypeError:
    print('TypeError missing')
def g(*args, sep='-', end='.'):
    return sep.join(args) + end
print(g('a', 'b'), g('x', sep='+', end='!'))
def h(a, b=1, *rest, k, **kw):
    return a, b, rest, k, sorted(kw.items())
print(h(1, k=2), h(1, 2, 3, 4, k=5, z=6, y=7))
