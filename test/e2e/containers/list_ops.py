# RUN: %python %tools/run_e2e.py %taipan %s
# list operators, comparisons, nesting and aliasing.
a = [1, 2, 3]
b = a
b.append(4)
print(a, a is b, a + [5], a * 2, [0] * 3, 3 in a)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [] < [0], [[1], [2]] == [[1], [2]])
grid = [[0] * 3 for _ in range(3)]
grid[1][2] = 5
print(grid)
shared = [[0] * 2] * 2
shared[0][0] = 1
print(shared)
print(list(range(5)), list('ab'), list((1, 2)), list({7: 8}))
print(len([]), len([[]]), [1, [2, [3, [4]]]])
