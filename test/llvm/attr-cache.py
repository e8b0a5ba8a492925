# Attribute loads, stores and method calls go through per-site inline
# caches (runtime/attr_cache.h): each site has its own zeroed AttrCache,
# the hit path is inline (type word and epoch against the cache, then a
# cached class attribute or the instance dict's entry at the cached index,
# its key checked, or the instance's layout slot the cached index names)
# and only a miss calls the runtime's *_cached helper.
# -Os keeps just the helper call (it checks the cache itself).
# RUN: %taipan compile --emit=llvm -O0 -march=armv7m %s | FileCheck %s --check-prefix=V7M
# RUN: %taipan compile --emit=llvm -O2 %s | FileCheck %s --check-prefix=O2 \
# RUN:   --implicit-check-not='@taipan_native_load_attr(' --implicit-check-not='@taipan_native_store_attr(' \
# RUN:   --implicit-check-not='@taipan_native_call_method('
# RUN: %taipan compile --emit=llvm -Os %s | FileCheck %s --check-prefix=OS
# RUN: %taipan compile --emit=asm -O2 -march=armv6m %s | FileCheck %s --check-prefix=V6M

class Vec:
    def __init__(self, x):
        self.x = x

    def norm(self):
        return self.x


def total(v, n):
    s = 0
    for i in range(n):
        s += v.x
    return s


def move(v, n):
    for i in range(n):
        v.x = i


def calls(v, n):
    s = 0
    for i in range(n):
        s += v.norm()
    return s


# The receivers come out of a dict, so their class is not known and their
# accesses keep the cache (typed ones are direct: see known-class-guard.py
# and typed-fields.py).
v = Vec(2)
move({0: v}[0], 3)
print(total({0: v}[0], 10), calls({0: v}[0], 10))

# One cache per site, four words of the target (32-bit on Thumb).
# V7M: @attr_cache = internal global [4 x i32] zeroinitializer, align 4
# V7M: @taipan_native_attr_epoch = external dso_local global i32

# The load in total's loop: the miss block is the only call.
# V7M-LABEL: define internal {{(noundef )?}}i32 @taipan_m0_f4_total(
# V7M: br i1 %{{[0-9]+}}, label %attr.type, label %load.miss
# V7M: load.hit:
# V7M-NEXT: %[[CONST:[a-z0-9]+]] = load i32, ptr getelementptr inbounds (i32, ptr @[[CACHE:attr_cache[.0-9]*]], i32 3)
# V7M-NOT: call
# V7M: load i32, ptr getelementptr inbounds (i32, ptr @[[CACHE]], i32 2)
# V7M-NEXT: icmp slt i32
# V7M-NOT: call
# V7M: load.miss:
# V7M-NEXT: getelementptr inbounds i32, ptr %frame, i32 2
# V7M-NEXT: store i32 {{[0-9]+}}
# V7M-NEXT: call i32 @taipan_native_load_attr_cached(i32 %v{{[0-9]*}}, i32 %qstr{{[0-9]*}}, ptr @[[CACHE]])
# V7M-NEXT: br label %load.done
# V7M: load.done:
# V7M-NEXT: %attr = phi i32 [ %[[CONST]], %load.hit ], [ %[[ITEM:[a-z0-9]+]], %attr.word ], [ %{{[0-9]+}}, %load.miss ]
# The hit path: type word and epoch; then the cached index (word 2), read
# once: with its top bit, a slot of the instance (after its 3 words); without, the entry of
# the dict at word 1: Map::filled (word 1 + 1), Map::entries (word 1 + 5),
# two words per entry, key then value. The word found must hold a value
# (neither 0, absent, nor 4, moved to the dict).
# V7M: attr.type:
# V7M-NOT: call
# V7M: load i32, ptr @[[CACHE]], align 4
# V7M: load i32, ptr @taipan_native_attr_epoch
# V7M: load i32, ptr getelementptr inbounds (i32, ptr @[[CACHE]], i32 1)
# V7M: attr.slot:
# V7M-NEXT: and i32 %{{.*}}, 2147483647
# V7M-NEXT: inttoptr
# V7M-NEXT: add i32 %{{.*}}, 3
# V7M: attr.dict_slot:
# V7M-NOT: call
# V7M: getelementptr inbounds i32, ptr %{{[0-9]+}}, i32 1
# V7M: attr.word:
# V7M-NEXT: phi ptr [ %slot, %attr.slot ], [ %entry.value, %map.entry ]
# V7M-NEXT: %[[ITEM]] = load i32
# V7M-NEXT: and i32 %[[ITEM]], -5
# V7M: attr.dict:
# V7M-NOT: call
# V7M: %map = getelementptr inbounds i32, ptr %{{[0-9]+}}, i32 1
# V7M: getelementptr inbounds i32, ptr %map, i32 1
# V7M: icmp ult i32
# V7M: map.index:
# V7M-NOT: call
# V7M: getelementptr inbounds i32, ptr %map, i32 5
# V7M: mul i32 %{{.*}}, 2
# V7M: icmp eq i32 %{{.*}}, %key
# V7M: map.entry:
# V7M-NEXT: getelementptr inbounds i32, ptr %entry, i32 1
# V7M-NEXT: br label %attr.word

# The store writes the slot or the entry's value inline, unless the slot
# moved to the dict (4).
# V7M-LABEL: define internal {{(noundef )?}}i32 @taipan_m0_f5_move(
# V7M: store.hit:
# V7M-NOT: call
# V7M: store.miss:
# V7M-NEXT: getelementptr inbounds i32, ptr %frame, i32 2
# V7M-NEXT: store i32 {{[0-9]+}}
# V7M-NEXT: call void @taipan_native_store_attr_cached(
# V7M: attr.word:
# V7M-NEXT: %[[WORD:attr.word[0-9]*]] = phi ptr [ %slot, %attr.slot ], [ %entry.value, %map.entry ]
# V7M-NEXT: %old = load i32, ptr %[[WORD]]
# V7M-NEXT: icmp ne i32 %old, 4
# V7M: store.word:
# V7M-NEXT: store i32 %{{.*}}, ptr %[[WORD]]

# The method call: the cached function with self, or the dict's without;
# one call either way, the lookup only on a miss.
# V7M-LABEL: define internal {{(noundef )?}}i32 @taipan_m0_f6_calls(
# V7M: method.call:
# V7M-NEXT: %callee = phi i32
# V7M-NEXT: %self = phi i32 [ %v{{[0-9]*}}, %method.hit ], [ 0, %attr.word ]
# V7M-NEXT: getelementptr inbounds i32, ptr %frame, i32 2
# V7M-NEXT: store i32 {{[0-9]+}}
# V7M-NEXT: call i32 @taipan_native_call_resolved(i32 %callee, i32 %self, i32 0, i32 0,
# V7M: method.miss:
# V7M-NEXT: getelementptr inbounds i32, ptr %frame, i32 2
# V7M-NEXT: store i32 {{[0-9]+}}
# V7M-NEXT: call i32 @taipan_native_call_method_cached(

# Optimised, the loop still checks the cache inline, and the uncached
# helpers are used nowhere.
# O2-LABEL: define internal fastcc {{(noundef )?}}i64 @taipan_m0_f4_total(
# O2-DAG: load i64, ptr @taipan_native_attr_epoch
# O2-DAG: icmp ult i64
# O2-DAG: call i64 @taipan_native_load_attr_cached(
# O2-LABEL: define internal

# OS-LABEL: define internal {{.*}}@taipan_m0_f4_total(
# OS-NOT: @taipan_native_attr_epoch
# OS: call i64 @taipan_native_load_attr_cached(
# OS-LABEL: define internal

# Thumb-1: the key check and the value load of the hit path.
# V6M-LABEL: taipan_m0_f4_total:
# V6M: ldr {{r[0-9]+}}, [{{r[0-9]+}}, #24]
# V6M: bl taipan_native_load_attr_cached
