# A generator is an LLVM coroutine: its body is the start the runtime calls
# (self, local0, state) -> frame, its frame comes from the collected heap,
# and a yield inside a try region leaves the handler (nlr_pop) before it
# suspends and registers it again (nlr_push) when resumed. `yield from`
# steps the delegate through the runtime until it returns.
# RUN: %taipan compile --emit=llvm -O0 %s | FileCheck %s
# RUN: %taipan compile --emit=asm -O2 -march=armv6m %s | FileCheck %s --check-prefix=ARM

def gen(xs):
    try:
        for x in xs:
            yield x
    finally:
        print("done")

def deleg(xs):
    return (yield from gen(xs))

print(list(deleg([1, 2])))

# CHECK: @taipan_m0_entries = internal constant [3 x ptr] [ptr @taipan_m0_e0__module_, ptr @taipan_m0_f1_gen, ptr @taipan_m0_f2_deleg]
# CHECK-LABEL: define internal {{(noundef )?}}ptr @taipan_m0_f1_gen(ptr %0, ptr %1, ptr %2)
# CHECK: call ptr @taipan_native_alloc_coroutine(i64 {{[0-9]+}})
# CHECK: call i32 @taipan_nlr_push(
# CHECK: call void @taipan_nlr_pop()
# CHECK: ret ptr
# CHECK-LABEL: define internal {{(noundef )?}}ptr @taipan_m0_f2_deleg(ptr %0, ptr %1, ptr %2)
# CHECK: call i1 @taipan_native_yield_from(
# CHECK-LABEL: define internal fastcc void @taipan_m0_f2_deleg.resume(
# CHECK: call i1 @taipan_native_yield_from(
# CHECK-LABEL: define internal fastcc void @taipan_m0_f1_gen.resume(
# CHECK: call void @taipan_nlr_pop()
# CHECK: resumed:
# CHECK-NEXT: call i32 @taipan_nlr_push(
# CHECK: call i64 @taipan_native_resumed(

# ARM-LABEL: taipan_m0_f1_gen:
# ARM: bl taipan_native_alloc_coroutine
# ARM-LABEL: taipan_m0_f1_gen.resume:
# ARM: bl taipan_nlr_push
# ARM: bl taipan_nlr_pop
