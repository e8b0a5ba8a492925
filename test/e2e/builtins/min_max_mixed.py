# RUN: %python %tools/run_e2e.py %taipan %s
# min/max across mixed numeric types and iterables of tuples.
print(max(1, 2.5, 2), min(-1, -1.5), max([3, 10 ** 20, 7]))
print(max('abc', 'abd', 'ab'), min([(1, 'b'), (1, 'a')]))
print(max(range(5), key=lambda x: (x % 3, x)), min('hello', key=ord))
print(max({1: 'a', 5: 'b'}), min({3, 9, 1}))
