# RUN: %python %tools/run_e2e.py %taipan %s
# Argument binding: positional, keyword, mixed, errors.
def f(a, b, c=3, d=4):
    return [a, b, c, d]
print(f(1, 2), f(1, 2, 5), f(1, d=9, b=8), f(d=1, c=2, b=3, a=4))
for call in (lambda: f(), lambda: f(1, 2, 3, 4, 5), lambda: f(1, 2, e=5), lambda: f(1, a=1)):
    try:
        call()
    except TypeError:
        print('TypeError')
def only_star(*, x):
    return x
print(only_star(x='kw'))
