# RUN: %python %tools/run_e2e.py %taipan %s
# classmethod and staticmethod, called on the class and on instances.
class Shape:
    count = 0
    def __init__(self, sides):
        self.sides = sides
        Shape.count += 1
    @classmethod
    def triangle(cls):
        return cls(3)
    @classmethod
    def name(cls):
        return cls.__name__
    @staticmethod
    def area_of_square(side):
        return side * side
class Square(Shape):
    pass
t = Shape.triangle()
s = Square.triangle()
print(t.sides, type(s).__name__, Shape.count)
print(Shape.name(), Square.name(), s.name())
print(Shape.area_of_square(4), s.area_of_square(5))
