# A method call on a receiver of unknown type may reach the method of that
# name of any known class: its arguments join those methods' parameters
# after self. The guess is guarded at the entries such calls go through:
# a call passing something else (here through getattr, which inference
# does not follow) runs the generic clone instead, with the same result.
# Special methods and calls with another count of arguments add nothing.
# RUN: %taipan compile --emit=ir %s | FileCheck %s
# RUN: %python %tools/run_e2e.py %taipan %s


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self, scale):
        return 3 * self.r * self.r * scale


class Square:
    def __init__(self, s):
        self.s = s

    def area(self, scale):
        return self.s * self.s * scale


shapes = [Circle(2), Square(3)]
total = 0
for shape in shapes:
    total += shape.area(2)
print(total)
print(getattr(shapes[1], "area")(0.5), getattr(shapes[0], "area")("ab"))

# CHECK: function area (native) slots=2 params: self:instance<{{[0-9:]+}}>, scale:int
# CHECK: function area (native) slots=2 params: self:instance<{{[0-9:]+}}>, scale:int
# CHECK: function area (native generic clone) slots=2 params: self:object, scale:object
