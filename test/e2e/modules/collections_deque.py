# RUN: %python %tools/run_e2e.py %taipan %s
# collections.deque with a maxlen (MicroPython requires one).
from collections import deque

d = deque((), 3)
print(len(d), bool(d))
d.append(1)
d.append(2)
d.appendleft(0)
print(list(d), len(d), bool(d), d[0], d[-1])
d.append(3)
print(list(d))
d.appendleft(9)
print(list(d))
print(d.pop(), d.popleft(), list(d))
d.extend(range(5))
print(list(d), [x * 2 for x in d])
d[1] = 10
print(d[1], d[-2])
for name in ("pop", "popleft"):
    e = deque([], 2)
    try:
        getattr(e, name)()
    except IndexError:
        print("IndexError", name)
try:
    d[3]
except IndexError:
    print("IndexError index")
q = deque([1, 2, 3, 4, 5], 3)
while q:
    print(q.popleft(), end=" ")
print()
