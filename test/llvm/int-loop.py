# A range loop over ints: the comparison and the additions are inline
# small-int operations with overflow checks; the runtime is called only on
# the slow paths (big ints, overflow, a scheduled callback waiting at the
# back edge), never to iterate or to test truth.
# RUN: %taipan compile --emit=llvm -O2 %s > %t.ll
# RUN: FileCheck %s < %t.ll
# RUN: sed -n '/^define internal .*@taipan_m0_[ef]1_total/,/^}/p' %t.ll > %t.total.ll
# RUN: FileCheck %s --check-prefix=LOOP < %t.total.ll
# RUN: FileCheck %s --check-prefix=SPEC < %t.total.ll
# RUN: grep ' call ' %t.total.ll | not grep -v -e check_stack -e llvm.stacksave -e binary_op -e run_bytecode -e run_pending -e llvm.sadd.with.overflow -e llvm.assume -e @taipan_m0_f1_total
# RUN: %taipan compile --emit=llvm -O0 %s | FileCheck %s --check-prefix=ENTRY

def total(n):
    s = 0
    for i in range(n):
        s += i
    return s

def divide(a, b):
    return a // b + a % b

print(total(10), divide(7, -2))

# The body takes and returns tagged ints.
# ENTRY-LABEL: define internal {{(noundef )?}}i64 @taipan_m0_f1_total(ptr {{.*}}, i64 {{.*}})

# Python's floor division and modulo on small ints, ZeroDivisionError inline
# (a small body: inlined into its entry and its direct callers).
# CHECK-LABEL: define internal {{.*}}i64 @taipan_m0_e2_divide(
# CHECK-DAG: sdiv i64
# CHECK-DAG: srem i64
# CHECK-DAG: call void @taipan_native_raise_zero_division()

# The entry checks the argument: a small int or an int object, else the bytecode runs.
# ENTRY-LABEL: define internal {{(noundef )?}}i64 @taipan_m0_e1_total(ptr {{.*}}, ptr {{.*}})
# ENTRY: and i64 %slot, 1
# ENTRY-DAG: call i64 @taipan_m0_f1_total(
# ENTRY-DAG: icmp eq ptr {{.*}}@taipan_native_type_int
# ENTRY: call i64 @taipan_native_run_bytecode(

# LOOP-DAG: icmp slt i64
# LOOP-DAG: call { i64, i1 } @llvm.sadd.with.overflow.i64
# The back edge polls micropython.schedule's callbacks: a volatile load, the
# call on the unlikely path.
# LOOP-DAG: load volatile i64, ptr @taipan_native_pending
# LOOP-DAG: call void @taipan_native_run_pending()

# The loop's speculative copy, entered when s, i and n are small ints,
# holds them as small ints: its header compares the tagged words with no
# tag test, and an iteration tests only the sum for overflow (a big int
# leaves for the generic copy, which the loop's entry also runs); the
# counter, just compared with the small end, steps without a test.
# SPEC: loop.entry:
# SPEC: br i1 %{{.*}}, label %{{.*}}, label %loop.speculative
# SPEC-LABEL: spec:
# SPEC-NEXT: %s.{{[0-9]+}} = phi i64
# SPEC-NEXT: %"$i1.{{[0-9]+}}" = phi i64
# SPEC-NEXT: icmp slt i64 %"$i1.{{[0-9]+}}", %0
# SPEC-NEXT: br i1
# SPEC-LABEL: spec.small:
# SPEC-NOT: br i1 %is_small
# SPEC: call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %s.{{[0-9]+}},
# SPEC-NOT: br i1 %is_small
# SPEC: add nsw i64 %"$i1.{{[0-9]+}}", 2
# SPEC-NOT: br i1 %is_small
# SPEC: load volatile i64, ptr @taipan_native_pending
# SPEC-NEXT: icmp eq i64
# SPEC-NEXT: br i1 %{{.*}}, label %spec, label %resume
