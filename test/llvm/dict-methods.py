# A dict that inference knows (an exact dict) is read and written through
# its own helpers: d[k], d[k] = v and d.get(k[, default]) call
# dict_subscr, dict_store and dict_get, not the generic subscript and
# method-call paths. A container that may be something else (here also a
# dict subclass) keeps the generic ones.
# RUN: %taipan compile --emit=llvm -O0 %s | FileCheck %s


def count(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts["a"], counts.get("b")


def unknown(d, k):
    d[k] = d.get(k)
    return d[k]


class Defaulting(dict):
    def __missing__(self, key):
        return 0


print(count(["a", "b"]), unknown({}, 1), unknown(Defaulting(), 2))

# CHECK-LABEL: define internal {{.*}}@taipan_m0_f1_count(
# CHECK-NOT: @taipan_native_call_method
# CHECK-NOT: @taipan_native_subscr(
# CHECK-NOT: @taipan_native_store_subscr(
# CHECK-DAG: call i64 @taipan_native_dict_get(i64 %{{.*}}, i64 %{{.*}}, i64 1)
# CHECK-DAG: call void @taipan_native_dict_store(
# CHECK-DAG: call i64 @taipan_native_dict_subscr(
# CHECK-DAG: call i64 @taipan_native_dict_get(i64 %{{.*}}, i64 %{{.*}}, i64 6)
# CHECK-NOT: @taipan_native_call_method
# CHECK-NOT: @taipan_native_subscr(
# CHECK-NOT: @taipan_native_store_subscr(
# CHECK: {{^}}}

# CHECK-LABEL: define internal {{.*}}@taipan_m0_f2_unknown(
# CHECK-NOT: @taipan_native_dict_
# CHECK: call i64 @taipan_native_call_method
# CHECK-NOT: @taipan_native_dict_
# CHECK: {{^}}}
