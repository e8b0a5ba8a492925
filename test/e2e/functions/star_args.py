# RUN: %python %tools/run_e2e.py %taipan %s
# *args and **kwargs in definitions and calls.
def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f(), f(1, 2), f(a=1), f(1, b=2))
def g(a, b, c):
    return a * 100 + b * 10 + c
print(g(*[1, 2, 3]), g(1, *(2, 3)), g(**{'a': 1, 'b': 2, 'c': 3}), g(1, **{'c': 3, 'b': 2}))
print(g(*[1], *[2], 3), f(*'ab', *[1], x=1, **{'y': 2}))
args = (4, 5)
kw = {'c': 6}
print(g(*args[:1], b=5, **kw))
def passthrough(*a, **k):
    return f(*a, **k)
print(passthrough(7, z=8))
try:
    g(1, 2, 3, 4)
except TypeError:
    print('TypeError too many')
try:
    g(1, 2, a=3)
except TypeError:
    print('TypeError duplicate')
