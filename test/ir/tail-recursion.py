# Self-recursive tail calls in native functions jump back to the start
# (after inference, at -O2 and -O3): `return f(...)`, and `return x + f(...)`
# or `return f(...) * x` on ints through an accumulator that every other
# return adds in. Each jump is a tail.frames: native code counts them in
# the frame record, whose function info names the tail call's line (the
# traceback shows one entry there per jump), and checks them against the
# stack limit every 64 jumps.
# RUN: %taipan compile --emit=ir %s | FileCheck %s
# RUN: %taipan compile --emit=llvm %s | FileCheck %s --check-prefix=LLVM
# RUN: %taipan compile -O1 --emit=ir %s | FileCheck %s --check-prefix=O1
# RUN: %python %tools/run_e2e.py %taipan %s

# LLVM: @taipan_m0_f1_info = internal constant { ptr, i64, i64 } { ptr @taipan_m0_context, i64 {{[0-9]+}}, i64 [[@LINE+5]] }

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


# CHECK-LABEL: function fib (native)
# CHECK: <accumulator>:int temp
# CHECK: bb0:
# CHECK-NEXT: [[IDENTITY:%[0-9]+]]:int = const.int 0
# CHECK-NEXT: store <accumulator>, [[IDENTITY]]
# CHECK-NEXT: jump [[HEAD:bb[0-9]+]]
# The base case adds the accumulator in.
# CHECK: [[N:%[0-9]+]]:int = load n
# CHECK-NEXT: [[ACC:%[0-9]+]]:int = load <accumulator>
# CHECK-NEXT: [[SUM:%[0-9]+]]:int = binary add [[ACC]], [[N]]
# CHECK-NEXT: return [[SUM]]
# The first call stays; the second's argument goes to n.
# CHECK: [[FIRST:%[0-9]+]]:int = call.direct f0:1(
# CHECK: [[ARG:%[0-9]+]]:int = binary sub
# CHECK-NEXT: [[ACC2:%[0-9]+]]:int = load <accumulator>
# CHECK-NEXT: [[ACC3:%[0-9]+]]:int = binary add [[ACC2]], [[FIRST]]
# CHECK-NEXT: store <accumulator>, [[ACC3]]
# CHECK-NEXT: store n, [[ARG]]
# CHECK-NEXT: tail.frames
# CHECK-NEXT: jump [[HEAD]]
# The jump back stands for a call: no poll of pending callbacks on it (the
# frames it counts bound the loop).
# LLVM-LABEL: define {{.*}}@taipan_m0_f1_fib(
# LLVM-NOT: @taipan_native_pending
# LLVM: alloca [4 x i64]
# LLVM-NOT: @taipan_native_pending
# LLVM: call void @taipan_native_check_tail_frames(
# LLVM-NOT: @taipan_native_pending
# LLVM: {{^}}}
# O1-NOT: tail.frames


def count(n):
    # The call on the left: the constant it adds goes into the accumulator
    # first (+ commutes on ints).
    if n == 0:
        return 0
    return count(n - 1) + 1


# CHECK-LABEL: function count (native)
# CHECK: [[ARG:%[0-9]+]]:int = binary sub
# CHECK-NEXT: [[ONE:%[0-9]+]]:int = const.int 1
# CHECK-NEXT: [[ACC:%[0-9]+]]:int = load <accumulator>
# CHECK-NEXT: [[SUM:%[0-9]+]]:int = binary add [[ACC]], [[ONE]]
# CHECK-NEXT: store <accumulator>, [[SUM]]
# CHECK-NEXT: store n, [[ARG]]
# CHECK-NEXT: tail.frames
# CHECK-NOT: call.direct


def power_sum(x, n):
    # Floats: + is not associative, so nothing changes.
    if n == 0:
        return 0.0
    return x ** n + power_sum(x, n - 1)


# CHECK-LABEL: function power_sum (native)
# CHECK-NOT: tail.frames


def guarded(n):
    # A try region: the call inside it stays a call.
    try:
        if n == 0:
            return 0
        return 1 + guarded(n - 1)
    except ValueError:
        return -1


# CHECK-LABEL: function guarded (native)
# CHECK-NOT: tail.frames


def last(items, i):
    if i == len(items) - 1:
        return items[i]
    return last(items, i + 1)


# A plain tail call needs no accumulator, whatever the result's type.
# CHECK-LABEL: function last (native)
# CHECK-NOT: accumulator
# CHECK: tail.frames


print(fib(20), count(500), power_sum(1.5, 10), guarded(50), last(["a", "b", "c"] * 100, 0))
