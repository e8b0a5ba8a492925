# A native function that calls others directly checks its stack depth
# (deep recursion raises RuntimeError) where it links its frame record: on
# entry, or, when some path returns calling nothing (count's n == 0), on the
# way into the blocks that call. A load of the runtime's limit and a compare
# with the stack pointer; the runtime is called only on the unlikely deep
# path. A function without direct calls has no check: calls
# through the runtime check there.
# RUN: %taipan compile --emit=llvm -O2 %s | FileCheck %s
# RUN: %taipan compile --emit=asm -O2 -march=armv6m %s | FileCheck %s --check-prefix=ARM
# RUN: %taipan compile --emit=asm -O2 -march=xtensawin %s | FileCheck %s --check-prefix=XTENSA

def count(n):
    return 0 if n == 0 else n - count(n - 1)

def total(n):
    s = 0
    for i in range(n):
        s += i
    return s

print(count(10), total(10))

# count's n == 0 returns calling nothing: the record is linked, and the
# stack checked, on the way into the other branch.
# CHECK-LABEL: define internal fastcc {{(noundef )?}}i64 @taipan_m0_f1_count(
# CHECK: frame.link:
# CHECK: store ptr %frame, ptr @taipan_native_frames
# CHECK-NEXT: [[SP:%[0-9]+]] = call ptr @llvm.stacksave.p0()
# CHECK-NEXT: [[SPW:%.*]] = ptrtoint ptr [[SP]] to i64
# CHECK-NEXT: [[LIMIT:%.*]] = load i64, ptr @taipan_native_stack_limit
# CHECK-NEXT: [[DEEP:%[0-9]+]] = icmp ugt i64 [[LIMIT]], [[SPW]]
# CHECK-NEXT: br i1 [[DEEP]], label %stack.deep, label %stack.ok, !prof [[COLD:![0-9]+]]
# CHECK: stack.deep:
# CHECK: call void @taipan_native_check_stack()
# CHECK-NEXT: br label %stack.ok
# CHECK-LABEL: define internal {{(noundef )?}}i64 @taipan_m0_e2_total(
# CHECK-NOT: stack_limit
# CHECK: ret i64
# CHECK: [[COLD]] = !{!"branch_weights", i32 1, i32 {{[0-9]+}}}

# The stack pointer against the limit (its address from the literal pool).
# ARM-LABEL: taipan_m0_f1_count:
# ARM: mov [[SP:r[0-9]+]], sp
# ARM-NEXT: cmp [[LIM:r[0-9]+]], [[SP]]
# ARM-NEXT: bhi [[DEEP:.LBB[0-9_]+]]
# ARM: [[DEEP]]:
# ARM: bl taipan_native_check_stack
# ARM: .long taipan_native_stack_limit

# XTENSA: .literal [[LIT:.LCPI[0-9_]+]], taipan_native_stack_limit
# XTENSA-LABEL: taipan_m0_f1_count:
# XTENSA: entry a1,
# XTENSA: l32r [[ADDR:a[0-9]+]], [[LIT]]
# XTENSA-NEXT: l32i [[LIM:a[0-9]+]], [[ADDR]], 0
# XTENSA: b{{ltu|geu}} a1, [[LIM]],
