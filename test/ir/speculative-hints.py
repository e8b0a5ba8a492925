# A parameter whose only callers pass untyped values, and that the body uses
# as an int (a range bound, a list repetition count, also through + - * //
# % with an int constant), is guessed an int: its callers' calls are
# guarded, and the generic clone runs for anything else. A typed argument
# decides instead of the guess; a parameter used otherwise stays object.
# RUN: %taipan compile --emit=ir %s | FileCheck %s


def fill(n):
    return [0] * (n + 1)


def count(n):
    s = 0
    for i in range(2 * n):
        s += i
    return s


def halves(x):
    return x / 2


def scaled(k):
    return [k] * 3


def run(params):
    return fill(params[0]), count(params[0]), halves(params[0]), scaled(params[1]), count(True)


print(run([3, 4, "mixed items: untyped"]))

# CHECK-LABEL: function fill (native) slots=1 params: n:int returns list[object]
# CHECK-LABEL: function count (native) slots=1 params: n:bool returns int
# CHECK-LABEL: function halves (native) slots=1 params: x:object returns object
# CHECK-LABEL: function scaled (native) slots=1 params: k:object returns list[object]
# CHECK-LABEL: function run (native)
# CHECK: call.direct f0:1({{%[0-9]+}}) guarded
# CHECK: call.direct f0:2({{%[0-9]+}}) guarded
# CHECK: call.direct f0:3({{%[0-9]+}}){{$}}
# CHECK: call.direct f0:4({{%[0-9]+}}){{$}}
# CHECK: call.direct f0:2({{%[0-9]+}}){{$}}
