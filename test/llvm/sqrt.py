# math.sqrt, bound either way, becomes the IR's sqrt: the target's
# instruction (checked: below zero the runtime raises ValueError) where it
# has one, the runtime's square root otherwise; no call of the function
# object, no boxing.
# RUN: %taipan compile --emit=ir %s | FileCheck %s --check-prefix=IR
# RUN: %taipan compile --emit=llvm -O2 %s | FileCheck %s
# RUN: %taipan compile --emit=asm -O2 -march=armv7emsp %s | FileCheck %s --check-prefix=FPU
# RUN: %taipan compile --emit=asm -O2 -march=armv6m %s | FileCheck %s --check-prefix=SOFT
import math
from math import sqrt

def norm(x: float, y: float):
    return sqrt(x * x + y * y) + math.sqrt(y)

print(norm(3.0, 4.0))

# IR-LABEL: function norm
# IR-NOT: load.global
# IR: {{%[0-9]+}}:float = sqrt
# IR-NOT: call
# IR: {{%[0-9]+}}:float = sqrt
# IR: return

# CHECK-LABEL: define {{.*}} @taipan_m0_e1_norm(
# CHECK: fcmp {{.*}} double {{.*}}, 0.000000e+00
# CHECK: call double @llvm.sqrt.f64(
# CHECK: call double @taipan_native_float_sqrt(

# FPU-LABEL: taipan_m0_e1_norm:
# FPU: vsqrt.f32
# SOFT-LABEL: taipan_m0_e1_norm:
# SOFT: bl taipan_native_float_sqrt
