# A call of a known function that passes parameters by keyword or leaves
# out ones whose defaults are constants is bound at compile time: the
# keyword values go to their parameters' places, the defaults become
# constants in the caller, and the call is direct (its parameters typed).
# A default that is not a constant keeps the call dynamic.
# RUN: %taipan compile --emit=ir %s | FileCheck %s


def step(pos, last=None, scale=1.5, first=False):
    return pos * scale if first else pos


def listed(x, items=[]):
    return items


print(step(2), step(2, first=True), step(first=True, pos=3, scale=0.5), listed(1))


# A method or constructor of a known class called with constant defaults
# left out: the direct call gets the constants as its last operands.
class Point:
    def __init__(self, x, y=0.5):
        self.x = x
        self.y = y

    def shifted(self, dx=1):
        return Point(self.x + dx, self.y)


print(Point(1).shifted().x)

# CHECK-LABEL: function <module>
# CHECK: [[TWO:%[0-9]+]]:int = const.int 2
# CHECK-NEXT: [[NONE:%[0-9]+]]:None = const.none
# CHECK-NEXT: [[SCALE:%[0-9]+]]:float = const.float 1.5
# CHECK-NEXT: [[FALSE:%[0-9]+]]:bool = const.bool false
# CHECK-NEXT: call.direct f0:1([[TWO]], [[NONE]], [[SCALE]], [[FALSE]])
# CHECK: [[TRUE:%[0-9]+]]:bool = const.bool true
# CHECK: call.direct f0:1({{%[0-9]+}}, {{%[0-9]+}}, {{%[0-9]+}}, [[TRUE]])
# CHECK: [[T:%[0-9]+]]:bool = const.bool true
# CHECK-NEXT: [[P:%[0-9]+]]:int = const.int 3
# CHECK-NEXT: [[S:%[0-9]+]]:float = const.float 0.5
# CHECK-NEXT: [[L:%[0-9]+]]:None = const.none
# CHECK-NEXT: call.direct f0:1([[P]], [[L]], [[S]], [[T]])
# CHECK: load.global 'listed'
# CHECK: call {{%[0-9]+}}({{%[0-9]+}})
# CHECK: [[NEW:%[0-9]+]]:instance<{{.*}}> = new.instance
# CHECK-NEXT: [[HALF:%[0-9]+]]:float = const.float 0.5
# CHECK-NEXT: call.direct f0:{{[0-9]+}}([[NEW]], {{%[0-9]+}}, [[HALF]])
# CHECK: [[ONE:%[0-9]+]]:int = const.int 1
# CHECK-NEXT: call.direct f0:{{[0-9]+}}([[NEW]], [[ONE]])
# CHECK-LABEL: function step (native) slots=4 params: pos:int, last:None, scale:float, first:bool
# CHECK-LABEL: function __init__ (native) slots=3 params: self:instance<{{.*}}>, x:int, y:float
