# try/except: one nlr buffer per try slot, taipan_nlr_push called
# returns_twice, locals assigned in the protected region and read after it
# kept in memory (volatile), the handler entered through enter_handler.
# RUN: %taipan compile --emit=llvm -O0 %s | FileCheck %s

def guarded(f, n):
    total = 0
    try:
        total = f(n)
    except ValueError as e:
        total = -1
    return total

print(guarded(int, 3))

# CHECK-LABEL: define internal {{(noundef )?}}i64 @taipan_m0_f1_guarded(
# CHECK: %nlr = alloca [11 x i64]
# CHECK: store volatile i64 {{.*}}, ptr %total
# CHECK: %[[PUSHED:[0-9]+]] = call i32 @taipan_nlr_push(ptr {{.*}}%nlr) #[[TWICE:[0-9]+]]
# CHECK: icmp ne i32 %[[PUSHED]], 0
# CHECK: call i64 @taipan_native_call(
# CHECK: store volatile i64 {{.*}}, ptr %total
# CHECK: call void @taipan_nlr_pop()
# CHECK: call i64 @taipan_native_enter_handler(ptr {{.*}}, ptr {{.*}}%nlr, ptr %frame)
# CHECK-DAG: call {{.*}}i1 @taipan_native_exception_match(
# CHECK-DAG: load volatile i64, ptr %total
# CHECK-DAG: call void @taipan_native_reraise(

# CHECK: declare {{(noundef )?}}i32 @taipan_nlr_push(ptr) {{.*}}#[[PUSH:[0-9]+]]
# CHECK: declare void @taipan_native_reraise(i64) {{.*}}#[[RAISE:[0-9]+]]
# CHECK-DAG: attributes #[[PUSH]] = { nounwind returns_twice }
# CHECK-DAG: attributes #[[RAISE]] = { cold noreturn nounwind }
# CHECK-DAG: attributes #[[TWICE]] = { returns_twice }
