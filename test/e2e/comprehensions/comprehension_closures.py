# RUN: %python %tools/run_e2e.py %taipan %s
# Comprehensions inside functions and methods capture locals and arguments.
def scaled(xs, k):
    return [x * k for x in xs], {x: x * k for x in xs if x}, sorted({x % k for x in xs})
print(scaled([0, 1, 2, 3], 3))
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def scale(self, k):
        return Matrix([[v * k for v in row] for row in self.rows])
    def col(self, j):
        return [row[j] for row in self.rows]
m = Matrix([[1, 2], [3, 4]]).scale(10)
print(m.rows, m.col(1))
def make_getters(names):
    return {n: (lambda n=n: n.upper()) for n in names}
print(sorted((k, f()) for k, f in make_getters(['a', 'b']).items()))
