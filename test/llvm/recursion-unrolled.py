# A small directly recursive function is compiled twice at -O2: the body's
# calls to itself go to an always-inlined copy whose calls go back to the
# body, so the recursion makes one real call per two levels. Each level
# keeps its own frame record (linked into taipan_native_frames) and its own
# stack check. -Os keeps one copy, as do functions that do not call
# themselves.
# RUN: %taipan compile --emit=llvm -O2 %s | FileCheck %s
# RUN: %taipan compile --emit=llvm -Os %s | FileCheck %s --check-prefix=SIZE

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def twice(n):
    return fib(n) + fib(n)

print(fib(20), twice(5))

# CHECK-LABEL: define internal fastcc {{(noundef )?}}i64 @taipan_m0_f1_fib(
# Two records and two stack checks: the body's and the inlined level's
# (each linked where a path first needs it).
# CHECK-DAG: store ptr %frame, ptr @taipan_native_frames
# CHECK-DAG: store ptr %frame.i{{[0-9]*}}, ptr @taipan_native_frames
# CHECK-DAG: load i64, ptr @taipan_native_stack_limit
# CHECK-DAG: load i64, ptr @taipan_native_stack_limit
# CHECK-DAG: call fastcc {{.*}}@taipan_m0_f1_fib(
# CHECK-LABEL: define
# The copy is gone once inlined.
# CHECK-NOT: _unrolled

# SIZE-LABEL: define internal {{.*}}@taipan_m0_f1_fib(
# SIZE-NOT: %frame.i
# SIZE: call {{.*}}@taipan_m0_f1_fib(
# SIZE-NOT: _unrolled
