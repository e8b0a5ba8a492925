# RUN: %python %tools/run_e2e.py %taipan %s
# Unpacking targets in comprehension for-clauses, including nested tuples and star.
pairs = [(1, 'a'), (2, 'b'), (3, 'c')]
print([n * 2 for n, _ in pairs], {s: n for n, s in pairs} == {'a': 1, 'b': 2, 'c': 3})
print([a + b + c for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]])
print([rest for first, *rest in [(1, 2, 3), (4, 5)]])
print([k + str(v) for k, v in sorted({'y': 2, 'x': 1}.items())])
print([i * c for i, c in enumerate('abc', 1)])
