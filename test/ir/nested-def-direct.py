# A function that defines nested functions without free variables has a
# direct entry like any other: its calls are direct, its parameters typed
# from them, and native code makes the nested function from the module's
# raw code table (make.function's child is its raw code's pre-order index).
# RUN: %taipan compile --emit=ir %s | FileCheck %s
# RUN: %taipan compile --emit=llvm -O0 %s | FileCheck %s --check-prefix=LLVM


def scale_all(xs, k):
    def scaled(x, by):
        return x * by

    out = []
    for x in xs:
        out.append(scaled(x, k))
    return out, (lambda v: v + 1)(k)


print(scale_all([1.0, 2.0], 2.0))

# CHECK-LABEL: function <module>
# CHECK: call.direct f0:1(
# CHECK-LABEL: function scale_all (native) slots=2 params: xs:list[float], k:float
# CHECK: make.function child=0
# CHECK: call.direct f0:2(
# CHECK: make.function child=1
# LLVM-LABEL: define internal {{.*}}@taipan_m0_f1_scale_all(
# LLVM: call i64 @taipan_native_make_function(ptr %{{[a-z0-9.]+}}, i64 3,
