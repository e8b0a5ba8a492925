# RUN: %python %tools/run_e2e.py %taipan %s
# Lambdas with defaults, *args and closures over loop variables.
fs = [lambda x, n=n: x ** n for n in range(4)]
print([f(2) for f in fs])
late = [lambda: n for n in range(3)]
print([f() for f in late])
adder = lambda *a, start=0: start + sum(a)
print(adder(1, 2, 3), adder(start=10), adder(1, start=1))
nested = lambda x: (lambda y: (lambda z: x + y + z))
print(nested(1)(2)(3))
