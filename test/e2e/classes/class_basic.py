# RUN: %python %tools/run_e2e.py %taipan %s
# Class definition, instances, class vs instance attributes.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims)
q = p.moved(1, 1)
print(q.x, q.y, type(q).__name__, isinstance(q, Point))
p.dims = 3
print(p.dims, Point.dims, q.dims)
Point.dims = 5
print(q.dims)
print(Point.__name__, Point.norm2(q))
