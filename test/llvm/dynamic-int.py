# Operands whose type inference does not know (object) are still tried as
# small ints inline first: comparisons whose only use is a truth test give
# an i1 directly; arithmetic keeps overflow checks; everything else (and
# every non-small-int operand) goes through the runtime's generic operator.
# RUN: %taipan compile --emit=llvm -O2 %s | FileCheck %s

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib([20, "an object"][0]))

# CHECK-LABEL: define internal {{.*}}i64 @taipan_m0_f1_fib(
# CHECK-DAG: icmp slt i64 %{{[0-9]+}}, 5
# CHECK-DAG: call { i64, i1 } @llvm.sadd.with.overflow.i64(
# CHECK-DAG: call {{.*}}i64 @taipan_m0_f1_fib(
# CHECK-DAG: call i64 @taipan_native_binary_op(i64 0,
# CHECK-DAG: call i64 @taipan_native_binary_op(i64 27,
# CHECK-DAG: call i1 @taipan_native_is_true(
# CHECK-LABEL: define internal
