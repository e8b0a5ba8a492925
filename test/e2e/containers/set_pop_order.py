# RUN: %python %tools/run_e2e.py %taipan %s
# set.pop() takes the oldest item (as MicroPython does, and CPython does for
# small ints added in order), and popping a big set empty stays linear (the
# deleted entries that lead the table are dropped on the way).
s = set(range(11))
print([s.pop() for _ in range(5)], sorted(s))
while s:
    print(s.pop(), end=" ")
print()
for i in range(11):
    s.add(i)
print(sorted(s), len(s))
big = set(range(100000))
total = 0
while big:
    total += big.pop()
print(total, len(big))
try:
    big.pop()
except KeyError:
    print("KeyError")
