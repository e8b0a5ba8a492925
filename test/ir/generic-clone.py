# A function whose entry guards typed parameters and that may be called
# with other types (here through a list) gets a generic clone: its IR as
# built, with object parameters, that its entry runs when a guard fails,
# instead of the bytecode. The clone's calls stay dynamic: they go through
# the callees' entries, so the clone adds nothing to their parameter types
# (those callees then get clones too, in the next round). A function only ever called
# directly gets no clone.
# RUN: %taipan compile --emit=ir %s | FileCheck %s


def square(x):
    return x * x


def scale(a, k):
    s = 0.0
    for i in range(3):
        s += square(a) * k
    return s


def only_direct(n):
    return n + 1


def label(x):
    return str(x) + "!"


fs = [scale]
named = label
print(scale(1.5, 2.0), fs[0](2, 3), only_direct(4), named(x=3), label(4))

# A call through a known function's entry (here through a global that is
# not the def's own name, with a keyword) returns what the body or the
# clone returns.
# CHECK-LABEL: function <module>
# CHECK: {{%[0-9]+}}:str = call {{%[0-9]+}}(
# CHECK-LABEL: function square (native) slots=1 params: x:float returns float
# CHECK-LABEL: function scale (native) slots=2 params: a:float, k:float returns float
# CHECK: call.direct f0:1(
# CHECK-LABEL: function only_direct (native) slots=1 params: n:int returns int
# CHECK-LABEL: function scale (native generic clone) slots=2 params: a:object, k:object returns object
# CHECK-NOT: call.direct
# CHECK: [[SQUARE:%[0-9]+]]:function<0:1> = load.global 'square'
# CHECK-NEXT: [[A:%[0-9]+]]:object = load a
# CHECK-NEXT: {{%[0-9]+}}:object = call [[SQUARE]]([[A]])
# CHECK-LABEL: function square (native generic clone) slots=1 params: x:object returns object
# CHECK-NOT: function only_direct
