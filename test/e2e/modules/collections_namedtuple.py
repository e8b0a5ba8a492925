# RUN: %python %tools/run_e2e.py %taipan %s
# collections.namedtuple: tuples with named fields.
from collections import namedtuple

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), list(p))
print(p == (1, 2), (1, 2) == p, p != (2, 1), p < (1, 3))
print(p + (3,), p * 2, p[0:1], 2 in p)
print(isinstance(p, tuple), hash(p) == hash((1, 2)), bool(Point(0, 0)))
print("%d-%d" % p)
x, y = p
print(x, y)

Three = namedtuple("Three", ["a", "b", "c"])
t = Three(c=3, a=1, b=2)
print(t, t.c)
for bad in ((1,), (1, 2, 3, 4)):
    try:
        Three(*bad)
    except TypeError:
        print("TypeError", len(bad))
try:
    Three(1, 2, d=3)
except TypeError:
    print("TypeError kw")
try:
    t.a = 5
except AttributeError:
    print("AttributeError")
try:
    t[0] = 5
except TypeError:
    print("TypeError item")

class Named(Point):
    def total(self):
        return self.x + self.y

n = Named(3, 4)
print(n.total(), n.x, n[1], isinstance(n, Point))
print(namedtuple("Empty", [])())
