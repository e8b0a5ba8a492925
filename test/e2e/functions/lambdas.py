# RUN: %python %tools/run_e2e.py %taipan %s
# Lambdas: defaults, closures, immediate calls, in data structures.
sq = lambda x: x * x
print(sq(7), (lambda: 'now')(), (lambda a, b=2: a ** b)(3))
ops = {'+': lambda a, b: a + b, '*': lambda a, b: a * b}
print(ops['+'](2, 3), ops['*'](2, 3))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(4))
print(sorted(['aaa', 'b', 'cc'], key=lambda s: -len(s)))
print((lambda *a, **k: (a, sorted(k)))(1, 2, x=3))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
