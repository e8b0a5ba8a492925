# A global load reads the entry its site's GlobalCache names, in the
# module's globals (ModuleContext::module word 1, the module's globals word
# 1, the dict's map word 1) or, when the cache holds filter bits the globals'
# key_filter (Map word 7) lacks, in the builtins map; the runtime is called
# only on a miss. Under -Os a site is just the helper call.
# RUN: %taipan compile --emit=llvm -O0 %s | FileCheck %s
# RUN: %taipan compile --emit=llvm -Os %s | FileCheck %s --check-prefix=SIZE

LIMIT = 3


def clipped(s):
    return min(len(s), LIMIT)


print(clipped("hello"))

# CHECK-LABEL: define internal {{.*}}i64 @taipan_m0_f1_clipped(
# CHECK: %[[MODULE:field[0-9]*]] = load i64, ptr %{{[0-9]+}}, align 8, !invariant.load
# CHECK: %[[DICT:field[0-9]*]] = load i64, ptr %{{[0-9]+}}, align 8, !invariant.load
# CHECK: %globals = getelementptr inbounds i64, ptr %{{[0-9]+}}, i32 1
# CHECK: %[[BITS:field[0-9]*]] = load i64, ptr getelementptr inbounds (i64, ptr @[[CACHE:global_cache[.0-9]*]], i32 1)
# CHECK: icmp eq i64 %[[BITS]], 0
# CHECK: global.builtin:
# CHECK-NEXT: getelementptr inbounds i64, ptr %globals, i32 7
# CHECK: load i64, ptr @taipan_native_builtins_map
# CHECK: global.lookup:
# CHECK-NEXT: %map = phi ptr [ %globals, %{{.*}} ], [ %builtins, %global.builtin ]
# CHECK-NEXT: load i64, ptr @[[CACHE]]
# CHECK: getelementptr inbounds i64, ptr %map, i32 1
# CHECK: global.miss:
# CHECK-NEXT: getelementptr inbounds i64, ptr %frame, i32 2
# CHECK-NEXT: store i64 {{[0-9]+}}
# CHECK-NEXT: call i64 @taipan_native_load_global_cached(ptr %ctx, i64 %qstr{{[0-9]*}}, ptr @[[CACHE]])
# CHECK: global.done:
# CHECK-NEXT: %global = phi i64 [ %{{.*}}, %map.entry ], [ %{{.*}}, %global.miss ]
# CHECK: map.entry:
# CHECK-NEXT: getelementptr inbounds i64, ptr %entry, i32 1

# SIZE-LABEL: define internal {{.*}}i64 @taipan_m0_f1_clipped(
# SIZE-NOT: builtins_map
# SIZE: call i64 @taipan_native_load_global_cached(
# SIZE-NOT: builtins_map
# SIZE: ret i64
