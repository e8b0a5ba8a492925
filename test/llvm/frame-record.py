# Tracebacks of native code: each body links a frame record (runtime/vm.h
# NativeFrame: outer record, the function's info constant, line) in front of
# taipan_native_frames in its prologue and unlinks it (the outer record read
# back from it) before it returns; the line is stored before each call (never
# on the paths that call nothing). A generator's record lives in its
# NativeGeneratorState (word 5), which the runtime links: the body fills it in.
# -O3 keeps no records.
# RUN: %taipan compile --emit=llvm -O0 %s | FileCheck %s
# RUN: %taipan compile --emit=llvm -O3 %s | FileCheck %s --check-prefix=O3
# O3-NOT: taipan_native_frames
# O3-NOT: _info =
# O3: define {{.*}}@taipan_m0_e2_caller(
# O3-NOT: taipan_native_frames


def helper(x):
    return x * 2


def caller(x):
    y = helper(x)
    return y + 1


def numbers(n):
    for i in range(n):
        yield i


print(caller(3), list(numbers(2)))

# The module context, the name's index in its qstr table, no tail line.
# CHECK: @taipan_m0_f2_info = internal constant { ptr, i64, i64 } { ptr @taipan_m0_context, i64 {{[1-9][0-9]*}}, i64 0 }

# CHECK-LABEL: define internal {{(noundef )?}}i64 @taipan_m0_f2_caller(
# CHECK: %frame = alloca [3 x i64]
# CHECK: %outer_frame = load ptr, ptr @taipan_native_frames
# CHECK-NEXT: [[PREV:%[0-9]+]] = getelementptr inbounds i64, ptr %frame, i32 0
# CHECK-NEXT: store ptr %outer_frame, ptr [[PREV]]
# CHECK-NEXT: [[INFO:%[0-9]+]] = getelementptr inbounds i64, ptr %frame, i32 1
# CHECK-NEXT: store ptr @taipan_m0_f2_info, ptr [[INFO]]
# CHECK-NEXT: store ptr %frame, ptr @taipan_native_frames
# CHECK: bb:
# CHECK-NEXT: %x1 = load i64, ptr %x
# CHECK-NEXT: [[LINE:%[0-9]+]] = getelementptr inbounds i64, ptr %frame, i32 2
# CHECK-NEXT: store i64 21, ptr [[LINE]]
# CHECK-NEXT: call i64 @taipan_m0_f1_helper(
# The addition's fast path stores no line; its slow path does.
# CHECK: int.fast:
# CHECK-NOT: store
# CHECK: int.slow:
# CHECK-NEXT: [[LINE:%[0-9]+]] = getelementptr inbounds i64, ptr %frame, i32 2
# CHECK-NEXT: store i64 22, ptr [[LINE]]
# CHECK-NEXT: call i64 @taipan_native_int_binary_op(
# CHECK: int.done:
# CHECK-NEXT: %int.result = phi
# CHECK-NEXT: [[PREV:%[0-9]+]] = getelementptr inbounds i64, ptr %frame, i32 0
# CHECK-NEXT: [[OUTER:%.+]] = load i64, ptr [[PREV]]
# CHECK-NEXT: store i64 [[OUTER]], ptr @taipan_native_frames
# CHECK-NEXT: ret i64 %int.result

# CHECK-LABEL: define internal {{(noundef )?}}ptr @taipan_m0_f3_numbers(
# CHECK-NOT: @taipan_native_frames
# CHECK: %frame = getelementptr inbounds i64, ptr %2, i32 5
# CHECK-NEXT: [[INFO:%[0-9]+]] = getelementptr inbounds i64, ptr %frame, i32 1
# CHECK-NEXT: store ptr @taipan_m0_f3_info, ptr [[INFO]]
# CHECK-NOT: @taipan_native_frames
# CHECK: call ptr @taipan_native_alloc_coroutine(
