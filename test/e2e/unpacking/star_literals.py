# RUN: %python %tools/run_e2e.py %taipan %s
# Unpacking of several iterables and mappings in one call.
a = [1, 2]
b = (3, 4)
d1 = {'x': 1}
print(*a, *b)
print(*'hi', *range(2), sep='|')
def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*a, *b, *'cd', **d1, w=5))
print(f(0, *a, 9, *b))
print(f(**d1, **{'y': 2}))
print(f(*[], **{}))
try:
    f(**d1, **{'x': 2})
except TypeError:
    print('TypeError duplicate keyword')
