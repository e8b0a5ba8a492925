# RUN: %python %tools/run_e2e.py %taipan %s
# Matrix-like class combining __getitem__ with tuples and __matmul__-free arithmetic.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = [0] * (w * h)
    def __getitem__(self, pos):
        x, y = pos
        return self.cells[y * self.w + x]
    def __setitem__(self, pos, v):
        x, y = pos
        self.cells[y * self.w + x] = v
    def rows(self):
        for y in range(self.h):
            yield [self[x, y] for x in range(self.w)]
g = Grid(3, 2)
g[0, 0] = 1
g[2, 1] = 5
g[1, 1] += 7
for row in g.rows():
    print(row)
