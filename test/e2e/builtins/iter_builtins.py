# RUN: %python %tools/run_e2e.py %taipan %s
# enumerate, zip, map, filter, reversed.
print(list(enumerate('abc')), list(enumerate('xy', 10)))
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip(range(3), range(3, 6), 'pqr')))
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(list(filter(None, [0, 1, '', 'a', None, []])), list(filter(lambda x: x % 2, range(10))))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(4))), list(reversed((5, 6))))
it = iter([1, 2])
print(next(it), next(it), next(it, 'end'))
m = map(str, range(3))
print(next(m), list(m), list(m))
for i, (a, b) in enumerate(zip('xy', 'XY')):
    print(i, a, b)
