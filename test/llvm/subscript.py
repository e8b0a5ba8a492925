# Indexing lists and tuples with ints is inline: a bounds check (one
# unsigned comparison of the tagged index with the tagged length; only
# other indices count from the end, checked again) and a load or store. When inference does not
# know the container, its type word is checked at run time; big-int indices
# and other containers go through the runtime.
# RUN: %taipan compile --emit=llvm -O0 %s | FileCheck %s

def get(xs, i):
    return xs[i]

def put(xs, i, v):
    xs[i] = v

def pairs(a, b):
    t = (a, b)
    return t[1]

items = [1, 2, 3]
put(items, 0, 5)
put({}, 'key', 5)
print(get(items, -1), get((1, 2), 1), pairs(1, 2))

# CHECK: @index_error{{.*}} = private unnamed_addr constant [24 x i8] c"list index out of range\00"

# CHECK-LABEL: define internal {{(noundef )?}}i64 @taipan_m0_f1_get(
# CHECK: and i64 %i{{[0-9]*}}, 1
# CHECK-DAG: icmp eq ptr %{{.*}}, @taipan_native_type_list
# CHECK-DAG: icmp ult i64 %i{{[0-9]*}}, %{{.*}}
# CHECK-DAG: br i1 %{{[0-9]+}}, label %index.in_range, label %index.from_end
# CHECK-DAG: index.from_end:
# CHECK-DAG: icmp uge i64
# CHECK-DAG: icmp eq ptr %{{.*}}, @taipan_native_type_tuple
# CHECK-DAG: call i64 @taipan_native_subscr(
# CHECK-DAG: call void @taipan_native_raise_index_error(ptr @{{.*}})

# CHECK-LABEL: define internal {{(noundef )?}}i64 @taipan_m0_f2_put(
# CHECK-DAG: icmp eq ptr %{{.*}}, @taipan_native_type_list
# CHECK-DAG: store i64 %{{.*}}, ptr %{{.*}}
# CHECK-DAG: call void @taipan_native_store_subscr(
# CHECK-DAG: call void @taipan_native_raise_index_error(

# A tuple known from the types: items inline after the header, no type check.
# CHECK-LABEL: define internal {{(noundef )?}}i64 @taipan_m0_f3_pairs(
# CHECK-NOT: @taipan_native_type_
# CHECK: getelementptr inbounds i64, ptr %{{.*}}, i32 2
# CHECK-LABEL: define internal
