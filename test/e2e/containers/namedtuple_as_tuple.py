# RUN: %python %tools/run_e2e.py %taipan %s
# A namedtuple is a tuple wherever a tuple is taken: concatenation,
# comparison, slice assignment, extension, unpacking.
from collections import namedtuple

P = namedtuple("P", ("x", "y"))
t = (1, 2)
p = P(3, 4)
print(t + p, p + t, p + p)
print(t < p, p < t, p == P(3, 4), p <= (3, 4), p > (3,))
items = [0, 0, 0]
items[1:] = p
print(items)
items.extend(P(5, 6))
print(items, list(p), tuple(p), sorted(P(9, 1)))
a, b = p
print(a + b, max(p), 4 in p)
