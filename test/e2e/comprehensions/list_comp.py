# RUN: %python %tools/run_e2e.py %taipan %s
# List comprehensions with filters, nesting and closures.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(3)] for x in range(3)])
print([c.upper() for c in 'abc'], [len(w) for w in 'to be or not'.split()])
x = 'outer'
print([x for x in 'ab'], x)
print([f() for f in [lambda i=i: i * 10 for i in range(3)]])
n = 3
print([i + n for i in range(n)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([v for row in matrix for v in row if v % 2])
