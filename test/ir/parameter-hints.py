# A parameter annotated with int, float, str or bool takes that type
# whatever its callers pass: a direct call whose argument may be something
# else is guarded (it checks the argument as the entry would, and runs the
# generic clone when the check fails; its result is the join of what the
# body and the clone return). Other annotations hint nothing, and
# a hinted parameter the body stores something else to widens as usual.
# RUN: %taipan compile --emit=ir %s | FileCheck %s


def total(n: int):
    s = 0
    for i in range(n):
        s += i
    return s


def weighted(xs, w: float):
    t = 0.0
    for x in xs:
        t += x * w
    return t


def listed(items: list, k: "int"):
    return len(items) + k


def rebinds(n: int):
    n = n / 2
    return n


def run(params):
    return total(params[0]), weighted([1.0, 2.0], params[1]), total(3), listed([1], params[0]), rebinds(params[0])


print(run([4, 0.5, "mixed items: untyped"]))

# CHECK-LABEL: function total (native) slots=1 params: n:int returns int
# CHECK-LABEL: function weighted (native) slots=2 params: xs:list[float], w:float returns float
# CHECK-LABEL: function listed (native) slots=2 params: items:list[int], k:object returns object
# CHECK-LABEL: function rebinds (native) slots=1 params: n:object returns object
# CHECK-LABEL: function run (native)
# CHECK: {{%[0-9]+}}:int = call.direct f0:1({{%[0-9]+}}) guarded
# CHECK: {{%[0-9]+}}:object = call.direct f0:2({{%[0-9]+}}, {{%[0-9]+}}) guarded
# CHECK: {{%[0-9]+}}:int = call.direct f0:1({{%[0-9]+}}){{$}}
# CHECK: {{%[0-9]+}}:object = call.direct f0:3({{%[0-9]+}}, {{%[0-9]+}}){{$}}
# CHECK: {{%[0-9]+}}:object = call.direct f0:4({{%[0-9]+}}){{$}}
# CHECK-LABEL: function total (native generic clone) slots=1 params: n:object
# CHECK-LABEL: function weighted (native generic clone) slots=2 params: xs:object, w:object
