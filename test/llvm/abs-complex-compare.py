# abs(z) > 2 for a typed complex z compares re*re + im*im with 4 (plus a
# margin of a few roundings) and calls complex_abs only when that cannot
# decide: no call on the fast path of an escape-time loop.
# RUN: %taipan compile --emit=llvm -O2 %s > %t.ll
# RUN: sed -n '/^define internal .*@taipan_m0_f1_escape_time/,/^}/p' %t.ll | FileCheck %s


def escape_time(c):
    z = 0j
    for i in range(50):
        z = z * z + c
        if abs(z) > 2:
            return i
    return -1


print(escape_time(0.3 + 0.5j), escape_time(complex(-1, 0)))

# CHECK: %abs.squared = fadd double
# CHECK-NEXT: fcmp ogt double %abs.squared, 0x4010000000000010
# CHECK: br i1 %{{.*}}, label %abs.compared, label %abs.exact
# CHECK: {{^}}abs.exact{{[0-9]*}}:
# CHECK-NOT: {{^}}{{[a-z]}}
# CHECK: call double @taipan_native_complex_abs
