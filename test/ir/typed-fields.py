# Fields of known classes: `o.x` on an instance<C> takes the join of the
# values stored into x by stores whose receiver is an instance<C>, when
# every store of x runs only with its inferred types. A store in a method
# that may run as bytecode with other arguments (one loaded as a bound
# method, or called with a keyword) leaves its field object, as does a
# name the class binds itself.
# RUN: %taipan compile --emit=ir %s | FileCheck %s


class P:
    scale = 2.0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.scale = 1.0

    def set_y(self, y):
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


def use():
    p = P(3.0, 4.0)
    p.set_y(y=5.0)
    return p.norm2(), p.scale


print(use())

# CHECK-LABEL: function __init__ (native) slots=3 params: self:instance<0:1>, x:float, y:float returns None
# CHECK-LABEL: function norm2 (native)
# CHECK: {{%[0-9]+}}:float = load.attr {{%[0-9]+}}, 'x'
# CHECK: {{%[0-9]+}}:float = load.attr {{%[0-9]+}}, 'x'
# CHECK: {{%[0-9]+}}:object = load.attr {{%[0-9]+}}, 'y'
# CHECK: {{%[0-9]+}}:object = load.attr {{%[0-9]+}}, 'y'
# CHECK-LABEL: function use (native)
# CHECK: {{%[0-9]+}}:object = load.attr {{%[0-9]+}}, 'scale'
