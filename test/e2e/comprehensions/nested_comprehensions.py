# RUN: %python %tools/run_e2e.py %taipan %s
# Comprehensions nested inside comprehensions, with conditions at each level.
print([[y for y in range(x) if y % 2 == 0] for x in range(6)])
print({x: {y: x * y for y in range(3)}[2] for x in range(4)} == {0: 0, 1: 2, 2: 4, 3: 6})
print(sorted({len(w) for w in [c * n for c in 'ab' for n in range(1, 4)]}))
print(sum(sum(x for x in row) for row in [[1, 2], [3, 4], [5]]))
print([(i, j) for i in range(4) if i % 2 for j in range(i) if j != 1])
print([x for x in [y * y for y in range(6)] if x > 4])
