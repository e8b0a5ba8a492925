# for loops over lists and tuples iterate in place, as the VM does: no
# iterator object, no runtime call per item (the length is read again each
# time: the list may change). Other iterables, or an untyped one that is not
# a list or tuple at run time, use the runtime's iterator protocol.
# RUN: %taipan compile --emit=llvm -O0 %s | FileCheck %s

def total(xs):
    s = 0
    for x in xs:
        s += x
    return s

def chars(text):
    n = 0
    for c in text:
        n += 1
    return n

print(total([1, 2, 3]), total((4, 5)), total(range(3)), chars("abc"))

# An untyped iterable: a list or tuple is held as it is (index 0), anything
# else gets its iterator (index -1).
# CHECK-LABEL: define internal {{(noundef )?}}i64 @taipan_m0_f1_total(
# CHECK-DAG: %"$iter{{[0-9]+}}.index" = alloca i64
# CHECK-DAG: icmp eq ptr %{{.*}}, @taipan_native_type_list
# CHECK-DAG: icmp eq ptr %{{.*}}, @taipan_native_type_tuple
# CHECK-DAG: call i64 @taipan_native_get_iter(
# CHECK-DAG: phi i64 [ 0, %{{.*}} ], [ -1, %{{.*}} ]
# CHECK-DAG: %index = load i64, ptr %"$iter{{[0-9]+}}.index"
# CHECK-DAG: icmp ne i64 %index, -1
# CHECK-DAG: call i64 @taipan_native_iter_next(
# CHECK-DAG: icmp uge i64 %index, %length
# CHECK-DAG: add i64 %index, 1
# CHECK-DAG: load ptr, ptr
# CHECK-DAG: load i64, ptr

# A str: always the iterator protocol.
# CHECK-LABEL: define internal {{(noundef )?}}i64 @taipan_m0_f2_chars(
# CHECK-NOT: .index = alloca
# CHECK: call i64 @taipan_native_get_iter(
# CHECK: call i64 @taipan_native_iter_next(
# CHECK-LABEL: define internal
