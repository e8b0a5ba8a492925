# A global store writes the value of the entry its site's GlobalCache names
# in the module's globals (the dict's map: Map word 1 filled, word 5
# entries, two-word entries with the key first) when that entry holds the
# name's qstr key; the runtime (store_global_cached, which stores and
# refills the cache) only on a miss. Under -Os a site is just the helper
# call.
# RUN: %taipan compile --emit=llvm -O0 %s | FileCheck %s
# RUN: %taipan compile --emit=llvm -Os %s | FileCheck %s --check-prefix=SIZE
# RUN: %python %tools/run_e2e.py %taipan %s

counter = 0


def bump(n):
    global counter
    for _ in range(n):
        counter += 1


bump(3)
print(counter)
counter = "reset"
bump(0)
print(counter)
del counter
bump(2)
print(counter)

# CHECK-LABEL: define internal {{.*}} @taipan_m0_f1_bump(
# CHECK: global.done:
# CHECK: %[[INDEX:field[0-9]*]] = load i64, ptr @[[CACHE:global_cache[.0-9]*]], align 8
# CHECK: %[[KEY:key[0-9]*]] = or i64
# CHECK: icmp ult i64 %[[INDEX]], %{{field[0-9]*}}
# CHECK-NEXT: br i1 %{{[0-9]+}}, label %[[IN:map.index[0-9]*]], label %global.store.miss
# CHECK: global.store.miss:
# CHECK: call void @taipan_native_store_global_cached(ptr %ctx, i64 %qstr{{[0-9]*}}, i64 %[[VALUE:[^,]+]], ptr @[[CACHE]])
# CHECK: [[IN]]:
# CHECK: %[[ENTRY:entry[0-9]*]] = getelementptr inbounds i64, ptr %entries{{[0-9]*}}, i64
# CHECK: icmp eq i64 %{{field[0-9]*}}, %[[KEY]]
# CHECK: map.entry{{[0-9]*}}:
# CHECK-NEXT: %[[SLOT:[0-9]+]] = getelementptr inbounds i64, ptr %[[ENTRY]], i32 1
# CHECK-NEXT: store i64 %[[VALUE]], ptr %[[SLOT]], align 8

# SIZE-LABEL: define internal {{.*}} @taipan_m0_f1_bump(
# SIZE-NOT: map.entry
# SIZE: call void @taipan_native_store_global_cached(
# SIZE-NOT: map.entry
# SIZE: ret 
