# A builtin called on an inlined comprehension is still known as that
# builtin: the builder carries the callee's load over the comprehension's
# blocks in a temp it stores once, and inference looks through it. So
# len([...]) becomes the len instruction and str(...) is typed str. A
# global stored anywhere in the program is no builtin (last function).
# RUN: %taipan compile --emit=ir %s | FileCheck %s
# RUN: %python %tools/run_e2e.py %taipan %s


def f(xs):
    n = len([x for x in xs if x > 1])
    s = str("".join([str(x) for x in xs]))
    return n + 1, s + "!"


def g(xs):
    global abs
    result = abs(sum([x for x in xs]))
    abs = lambda v: -v
    return result


print(f([1, 2, 3]), g([-1, -2]), g([1]))

# CHECK: function f (native) slots=1 params: xs:list[int] returns tuple[int, str]
# CHECK: int = len
# CHECK: str = call
# CHECK: function g
# CHECK-NOT: int = call
# CHECK: object = call
