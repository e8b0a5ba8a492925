# Complex numbers whose type inference knows are unboxed: {double, double}
# parameters and locals, + - * on the parts inline, abs() through the
# runtime's hypot only; no boxing and no generic operator in the loop.
# complex() of floats and .real/.imag are typed too.
# RUN: %taipan compile --emit=ir %s | FileCheck %s --check-prefix=IR
# RUN: %taipan compile --emit=llvm -O2 %s | FileCheck %s


def escape_time(c, limit):
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2.0:
            return i
    return limit


def parts(x, y):
    w = complex(x, y) * 1j
    return w.real - w.imag


print(escape_time(complex(0.25, 0.5), 20), parts(1.5, 2.0))

# IR-LABEL: function escape_time
# IR-SAME: params: c:complex, limit:int
# IR: z:complex var
# IR: {{%[0-9]+}}:complex = binary mul
# IR: {{%[0-9]+}}:complex = binary add
# IR: {{%[0-9]+}}:float = abs
# IR-LABEL: function parts
# IR: {{%[0-9]+}}:complex = complex
# IR: {{%[0-9]+}}:float = load.attr {{%[0-9]+}}, 'real'

# CHECK-LABEL: define {{.*}} @taipan_m0_f1_escape_time({ double, double }
# CHECK: fmul double
# CHECK: fsub double
# CHECK: call double @taipan_native_complex_abs(
# CHECK-NOT: @taipan_native_box_complex
# CHECK-NOT: @taipan_native_binary_op({{.*}}, i64 %z
