# RUN: %python %tools/run_e2e.py %taipan %s
# Tuple construction, unpacking in loops, and tuples of mixed types.
records = [('x', 1, 2.5), ('y', 2, 3.5)]
for name, idx, val in records:
    print(name, idx * val)
t = tuple(range(5))
print(tuple(reversed(t)), t[1:-1], t.count(3), t + ('end',))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested), max(nested))
print(tuple(sorted((3, 1, 2))), tuple(x for x in 'abc'))
empty = ()
print(empty, len(empty), empty == tuple(), (1,) * 3)
