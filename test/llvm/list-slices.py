# A slice of an exact list passes its bounds straight to the list slice
# helpers: no slice object is built. A receiver of unknown type (maybe a
# list subclass with __getitem__) or another sequence (a tuple) keeps the
# slice object and the generic subscript.
# RUN: %taipan compile --emit=llvm -O0 %s | FileCheck %s

def flip(items, k):
    perm = list(items)
    perm[: k + 1] = perm[k::-1]
    return perm[:]

def generic(seq, k):
    return seq[k:]

def tuples(n):
    t = tuple(range(n))
    return t[1:]

print(flip([3, 1, 2, 0], 3), generic([1, 2], 1), generic("ab", 1), tuples(3))

# CHECK-LABEL: define internal {{.*}}@taipan_m0_f1_flip(
# CHECK-NOT: build_slice
# CHECK: call i64 @taipan_native_list_load_slice(i64 %perm{{[0-9]*}}, i64 %k{{[0-9]*}}, i64 6, i64 -1)
# CHECK: call void @taipan_native_list_store_slice(i64 %perm{{[0-9]*}}, i64 6, i64 %{{[^,]+}}, i64 6, i64
# CHECK: call i64 @taipan_native_list_load_slice(i64 %perm{{[0-9]*}}, i64 6, i64 6, i64 6)
# CHECK-NOT: build_slice
# CHECK-LABEL: define internal {{.*}}@taipan_m0_f2_generic(
# CHECK: call i64 @taipan_native_build_slice(
# CHECK: call i64 @taipan_native_subscr(
# CHECK-LABEL: define internal {{.*}}@taipan_m0_f3_tuples(
# CHECK: call i64 @taipan_native_build_slice(
# CHECK: call i64 @taipan_native_subscr(
