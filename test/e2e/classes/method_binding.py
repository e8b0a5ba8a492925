# RUN: %python %tools/run_e2e.py %taipan %s
# Bound methods keep their instance; functions stored on instances are not bound.
class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
a, b = C(1), C(2)
ga = a.get
a.v = 10
print(ga(), b.get(), C.get(b))
a.func = lambda: 'plain function'
print(a.func())
methods = [x.get for x in (a, b)]
print([m() for m in methods])
class Counter:
    n = 0
    def inc(self):
        self.n += 1
        return self
c = Counter()
c.inc().inc().inc()
print(c.n, Counter.n)
