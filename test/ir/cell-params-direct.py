# A function whose parameter a lambda captures (a cell parameter) still
# has a direct entry: its calls are direct, its other
# parameters typed, and the caller wraps the captured argument in a new
# cell. A list comprehension is built inline instead, so the parameter it
# reads is a plain typed one (bound in a cell only for dynamic callers,
# whose cell the entry opens).
# RUN: %taipan compile --emit=ir %s | FileCheck %s
# RUN: %taipan compile --emit=llvm -O0 %s | FileCheck %s --check-prefix=LLVM


def scaled(values, factor, n):
    scale = lambda v: v * factor
    out = [scale(v) for v in values]
    for i in range(n):
        out.append(i)
    return out


print(scaled([1.0, 2.0], 3.0, 2))


def inlined(values, factor):
    return [v * factor for v in values]


print(inlined([1.0, 2.0], 3.0))

# CHECK-LABEL: function <module>
# CHECK: call.direct f0:1(
# CHECK-LABEL: function scaled (native) slots=3 params: values:list[float], factor:object, n:int
# CHECK: factor:object cell slot=1
# CHECK-LABEL: function inlined (native) slots=2 params: values:list[float], factor:float returns list[float]
# CHECK: factor:float param slot=1 bound-in-cell
# LLVM-LABEL: define internal {{.*}}@taipan_m0_f0__module_(
# LLVM: [[CELL:%[0-9]+]] = call i64 @taipan_native_new_cell(i64 {{%[a-z0-9.]+}})
# LLVM: call i64 @taipan_m0_f1_scaled(ptr null, i64 {{%[a-z0-9.]+}}, i64 [[CELL]], i64 5)
# LLVM: call i64 @taipan_m0_f{{[0-9]+}}_inlined(ptr null, i64 {{%[a-z0-9.]+}}, double 3.0
# LLVM-LABEL: define internal {{.*}}@taipan_m0_e{{[0-9]+}}_inlined(
# LLVM: call i64 @taipan_native_cell_get(
