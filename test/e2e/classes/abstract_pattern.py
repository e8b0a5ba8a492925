# RUN: %python %tools/run_e2e.py %taipan %s
# Abstract-method pattern with NotImplementedError and template methods.
class Shape:
    def area(self):
        raise NotImplementedError
    def describe(self):
        return '%s with area %s' % (type(self).__name__, self.area())
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
shapes = [Rect(2, 3), Square(4)]
for s in shapes:
    print(s.describe())
try:
    Shape().describe()
except NotImplementedError:
    print('abstract')
print(sum(s.area() for s in shapes), sorted(s.area() for s in shapes))
