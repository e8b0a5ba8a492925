# RUN: %python %tools/run_e2e.py %taipan %s
# collections: namedtuple, OrderedDict, deque.
from collections import namedtuple, OrderedDict, deque
Point = namedtuple('Point', ('x', 'y'))
p = Point(1, y=2)
print(p, p.x, p[1], p == (1, 2), len(p), tuple(p))
x, y = p
print(x + y, p._replace(x=9) if hasattr(p, '_replace') else Point(9, 2))
od = OrderedDict()
od['z'] = 1
od['a'] = 2
od['m'] = 3
print(list(od.keys()), list(od.items()))
del od['a']
od['a'] = 4
print(list(od))
d = deque((), 5)
for i in range(7):
    d.append(i)
print(d.popleft(), d.popleft(), len(d), d.pop())
d.appendleft(-1)
print(d.popleft(), len(d))
