# RUN: %python %tools/run_e2e.py %taipan %s
# sorted, min, max, sum, any, all with keys and defaults.
data = [5, -3, 8, 0, -10, 2]
print(sorted(data), sorted(data, reverse=True), sorted(data, key=abs))
print(min(data), max(data), min(data, key=abs), max(data, key=lambda x: -x))
print(min(3, 1, 2), max('apple', 'fig', key=len), max([], default='none'), min((), default=0))
print(sum(data), sum(data, 100), sum([0.5, 0.25]), sum([[1], [2]], []))
print(any([]), all([]), any([0, '', 1]), all([1, 'a', [0]]), all(x > -20 for x in data))
print(sorted('hello'), sorted({3: 'a', 1: 'b'}), sorted((2, 1)))
try:
    min([])
except ValueError:
    print('ValueError')
pairs = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'y')]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]))
