# RUN: %python %tools/run_e2e.py %taipan %s
# Tuples: packing, methods, comparison, hashing as dict keys.
t = 1, 2, 3
print(t, type(t).__name__, len(t), t[1], t[-1], t + (4,), t * 2)
print((1,), (), tuple([5, 6]), tuple('ab'), tuple(range(3)))
print(t.index(2), (1, 1, 2).count(1), 2 in t)
print((1, 2) < (1, 2, 3), (2,) > (1, 9), (1, 'a') == (1, 'a'))
d = {(0, 0): 'origin', (1, 2): 'p'}
print(d[(1, 2)], d[0, 0])
a, (b, c) = 1, (2, 3)
print(a, b, c)
try:
    t[0] = 5
except TypeError:
    print('immutable')
print(hash((1, 2)) == hash((1, 2)))
