# RUN: %python %tools/run_e2e.py %taipan %s
# 2-D lists: transpose, flatten, diagonal, rotation.
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([list(r) for r in zip(*m)])
print([v for row in m for v in row])
print([m[i][i] for i in range(3)], [m[i][2 - i] for i in range(3)])
rot = [list(reversed(col)) for col in zip(*m)]
print(rot)
print(sum(map(sum, m)), max(map(max, m)), [sum(c) for c in zip(*m)])
