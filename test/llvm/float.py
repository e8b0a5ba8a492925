# Floats are unboxed doubles on the host: arithmetic inline, division by
# zero checked inline; boxing only in the entry.
# RUN: %taipan compile --emit=llvm -O0 %s > %t.ll
# RUN: FileCheck %s < %t.ll
# RUN: sed -n -E '/^define internal (noundef )?double @taipan_m0_f1_scale/,/^}/p' %t.ll | FileCheck %s --check-prefix=BODY
# RUN: FileCheck %s --check-prefix=ENTRY < %t.ll

def scale(x, y):
    return x * y + 1.0 - x / y

def mixed(n, x):
    return n * x + n

print(scale(1.5, 2.0), mixed(3, 0.5))

# CHECK-LABEL: define internal {{(noundef )?}}double @taipan_m0_f1_scale(ptr {{.*}}, double {{.*}}, double {{.*}})

# An int operand converts inline when small (sitofp), through the runtime
# when big.
# CHECK-LABEL: define internal {{(noundef )?}}double @taipan_m0_f2_mixed(ptr {{.*}}, i64 {{.*}}, double {{.*}})
# CHECK: sitofp i64 {{.*}} to double
# CHECK: call double @taipan_native_unbox_float(i64
# CHECK: fmul double
# CHECK: fadd double
# CHECK: ret double

# The entry checks for exact float objects, unboxes, calls the body, boxes.
# ENTRY-LABEL: define internal {{(noundef )?}}i64 @taipan_m0_e1_scale(
# ENTRY: icmp eq ptr {{.*}}@taipan_native_type_float
# ENTRY: load double
# ENTRY: call double @taipan_m0_f1_scale(
# ENTRY: call i64 @taipan_native_box_float(double
# ENTRY: call i64 @taipan_native_run_bytecode(

# BODY-NOT: call {{.*}}box_float
# BODY-DAG: fcmp oeq double %{{.*}}, 0.0
# BODY-DAG: call void @taipan_native_raise_zero_division()
# BODY-DAG: fmul double
# BODY-DAG: fadd double
# BODY-DAG: fdiv double
# BODY-DAG: fsub double
# BODY-NOT: call {{.*}}box_float
