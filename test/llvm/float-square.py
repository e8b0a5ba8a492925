# A float to the power of the constant 2 (int or float) is one
# multiplication: no call of the runtime's power, no boxing. Other
# exponents still call float_power (a complex for a negative base and a
# fractional exponent).
# RUN: %taipan compile --emit=llvm -O2 %s | FileCheck %s
# RUN: %python %tools/run_e2e.py %taipan %s


def square_sum(x: float, y: float):
    return x**2 + y**2.0


def cube(x: float):
    return x**3


print(square_sum(1.5, -0.25), cube(2.0))

# CHECK-LABEL: define {{.*}}@taipan_m0_{{[ef][0-9]+}}_square_sum(
# CHECK: fmul double
# CHECK-NOT: float_power
# CHECK: ret
# CHECK-LABEL: define {{.*}}@taipan_m0_{{[ef][0-9]+}}_cube(
# CHECK: call {{.*}}@taipan_native_float_power(
