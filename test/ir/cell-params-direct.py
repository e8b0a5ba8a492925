# A function whose parameter a comprehension captures (a cell parameter)
# still has a direct entry: its calls are direct, its other parameters
# typed, and the caller wraps the captured argument in a new cell.
# RUN: %taipan compile --emit=ir %s | FileCheck %s
# RUN: %taipan compile --emit=llvm -O0 %s | FileCheck %s --check-prefix=LLVM


def scaled(values, factor, n):
    out = [v * factor for v in values]
    for i in range(n):
        out.append(i)
    return out


print(scaled([1.0, 2.0], 3.0, 2))

# CHECK-LABEL: function <module>
# CHECK: call.direct f0:1(
# CHECK-LABEL: function scaled (native) slots=3 params: values:list[object], factor:object, n:int
# CHECK: factor:object cell slot=1
# LLVM-LABEL: define internal {{.*}}@taipan_m0_f0__module_(
# LLVM: [[CELL:%[0-9]+]] = call i64 @taipan_native_new_cell(i64 {{%[a-z0-9.]+}})
# LLVM: call i64 @taipan_m0_f1_scaled(ptr null, i64 {{%[a-z0-9.]+}}, i64 [[CELL]], i64 5)
