# RUN: %python %tools/run_e2e.py %taipan %s
# set and frozenset methods; printed sorted.
s = {3, 1, 2}
s.add(4); s.add(1)
print(sorted(s), len(s), 2 in s, 9 in s)
s.discard(9); s.remove(4)
print(sorted(s))
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({1, 2} <= a, {1, 9} <= a, a >= {1}, {1, 2} < {1, 2}, a.issubset(a), a.issuperset({2}), a.isdisjoint({9}))
c = set(a)
c.update([10, 11]); c.intersection_update({1, 10, 11}); print(sorted(c))
c.difference_update({10}); print(sorted(c))
c.symmetric_difference_update({1, 2}); print(sorted(c))
print(c.pop() in (2, 11), len(c))
fs = frozenset([1, 2, 2, 3])
print(sorted(fs), len(fs), 2 in fs, type(fs).__name__, sorted(fs | {9}))
print({frozenset([1]): 'key'}[frozenset([1])])
try:
    set().pop()
except KeyError:
    print('KeyError')
print(set(), set('aab') == {'a', 'b'}, {1, 2} == frozenset([2, 1]))
