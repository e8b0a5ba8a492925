# RUN: %python %tools/run_e2e.py %taipan %s
# enumerate and zip with generators, unequal lengths and unpacking back with zip(*).
names = ['a', 'b', 'c']
ages = (30, 40)
print(list(zip(names, ages)), dict(zip(names, range(100))) == {'a': 0, 'b': 1, 'c': 2})
pairs = list(zip('xyz', [1, 2, 3]))
letters, numbers = zip(*pairs)
print(letters, numbers)
for i, (n, a) in enumerate(zip(names, ages), start=1):
    print(i, n, a)
e = enumerate(x * x for x in range(3))
print(next(e), list(e))
print(list(zip(*[[1, 2, 3], [4, 5, 6]])), list(zip('ab', 'cd', 'ef')))
