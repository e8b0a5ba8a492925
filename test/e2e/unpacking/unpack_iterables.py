# RUN: %python %tools/run_e2e.py %taipan %s
# Unpacking any iterable: strings, dicts, sets of one element, generators, ranges.
a, b, c = 'xyz'
print(a, b, c)
k1, k2 = sorted({'b': 1, 'a': 2})
print(k1, k2)
(only,) = {42}
print(only)
x, y, z = range(3)
print(x, y, z)
head, *tail = (n * n for n in range(4))
print(head, tail)
*init, last = 'abcd'
print(init, last)
first, second = map(int, '7 8'.split())
print(first + second)
