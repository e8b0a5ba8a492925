# RUN: %python %tools/run_e2e.py %taipan %s
# Sets of strings and tuples (printed sorted), comprehension and in-place operators.
a = {'x', 'y', 'z'}
b = set('yzw')
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(b - a), sorted(a ^ b))
a |= {'q'}
a &= {'q', 'x', 'nope'}
print(sorted(a))
a -= {'x'}
a ^= {'q', 'r'}
print(sorted(a))
pairs = {(i, i % 2) for i in range(4)}
print(sorted(pairs), (2, 0) in pairs)
print(len(set()), set([1, 1, 1]) == {1}, frozenset('ab') == frozenset('ba'))
s = set()
for w in 'a b a c b'.split():
    s.add(w)
print(sorted(s), 'a' in s)
