# A for loop over a range object (here a parameter typed range) iterates it
# in place: start + index * step compared with stop, no iterator object and
# no runtime call per item while the bounds and step are small ints (checked
# once, at iter()); the item is an int.
# RUN: %taipan compile --emit=ir %s | FileCheck %s --check-prefix=IR
# RUN: %taipan compile --emit=llvm -O2 %s > %t.ll
# RUN: sed -n '/^define internal .*@taipan_m0_f1_total/,/^}/p' %t.ll | FileCheck %s


def total(r):
    s = 0
    for i in r:
        s += i
    return s


print(total(range(10)), total(range(10, 0, -3)))

# IR: function total (native) slots=1 params: r:range returns int
# IR: i:int var

# CHECK: add i64 %{{.*}}, 4611686018427387904
# CHECK: br i1 %{{[0-9]+}}, label %iter.done, label %iter.other
# CHECK: iter.other:
# CHECK-NEXT: getelementptr
# CHECK-NEXT: store
# CHECK-NEXT: call i64 @taipan_native_get_iter
# CHECK: for.range:
# CHECK-NOT: call
# CHECK: %range.value = add i64
# CHECK-NOT: call
# CHECK: br i1
