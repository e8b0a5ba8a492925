# The module's NativeModuleCode table: one entry per raw code in pre-order,
# null where the function stays bytecode (here the class body), a
# generator's coroutine body itself, and the address of the context global
# the loader fills.
# Every generated function is nounwind.
# RUN: %taipan compile --emit=llvm -O0 %s | FileCheck %s
# RUN: %taipan compile --emit=llvm -O0 -march=armv7m %s | FileCheck %s --check-prefix=ARM

def f(x):
    return x

class C:
    def m(self):
        return 1

def gen():
    yield 1

print(f(1), C().m(), list(gen()))

# CHECK: @taipan_m0_context = internal global ptr null
# CHECK: @taipan_m0_entries = internal constant [5 x ptr] [ptr @taipan_m0_e0__module_, ptr @taipan_m0_e1_f, ptr null, ptr @taipan_m0_e3_m, ptr @taipan_m0_f4_gen]
# CHECK: @taipan_native_module_0 = constant { i64, ptr, ptr } { i64 5, ptr @taipan_m0_entries, ptr @taipan_m0_context }
# CHECK: define internal {{(noundef )?}}i64 @taipan_m0_f0__module_(ptr %0) #[[ATTRS:[0-9]+]]
# CHECK: define internal {{(noundef )?}}i64 @taipan_m0_e0__module_(ptr %0, ptr %1) #[[ATTRS]]
# CHECK: attributes #[[ATTRS]] = { noinline nounwind optnone "target-cpu"="x86-64" }

# ARM: @taipan_native_module_0 = constant { i32, ptr, ptr } { i32 5,
# ARM: attributes #{{[0-9]+}} = { noinline nounwind optnone "target-cpu"="cortex-m3" "target-features"="+soft-float" "use-soft-float"="true" }
