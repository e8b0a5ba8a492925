# RUN: %python %tools/run_e2e.py %taipan %s
# collections.OrderedDict: a dict that keeps (and, for ==, compares) order.
from collections import OrderedDict

d = OrderedDict([("z", 1), ("a", 2)])
d["m"] = 3
print(list(d), list(d.values()), len(d), d["a"], "z" in d)
del d["z"]
d["z"] = 0
print(list(d.items()))
print(d.popitem(), len(d))
print(isinstance(d, dict), type(d).__name__)
a = OrderedDict()
b = OrderedDict()
a[1] = 1
a[2] = 2
b[2] = 2
b[1] = 1
print(a == b, dict(a) == dict(b))
b.pop(1)
b[1] = 1
print(b == OrderedDict([(2, 2), (1, 1)]))
print(sorted(OrderedDict(x=1, y=2).items()))
