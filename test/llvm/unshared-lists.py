# A list local that only ever holds a list just built, and is only indexed,
# iterated or changed in place, is freed at every return; one that leaves
# the function (returned, passed to a call, kept in another list) is not.
# RUN: %taipan compile --emit=llvm -O2 %s > %t.ll
# RUN: sed -n '/^define internal .*@taipan_m0_f1_private(/,/^}/p' %t.ll | FileCheck %s
# The other three are small enough to be inlined into the module body; each
# also has an entry for dynamic calls.
# RUN: sed -n '/^define internal .*@taipan_m0_e0__module_(/,/^}/p' %t.ll | FileCheck %s --check-prefix=KEPT
# RUN: sed -n '/^define internal .*@taipan_m0_e2_returned(/,/^}/p' %t.ll | FileCheck %s --check-prefix=KEPT
# RUN: sed -n '/^define internal .*@taipan_m0_e3_passed(/,/^}/p' %t.ll | FileCheck %s --check-prefix=KEPT
# RUN: sed -n '/^define internal .*@taipan_m0_e4_nested(/,/^}/p' %t.ll | FileCheck %s --check-prefix=KEPT
# RUN: %taipan compile --emit=llvm -O0 %s | sed -n '/^define internal .*@taipan_m0_f1_private(/,/^}/p' | FileCheck %s --check-prefix=KEPT


# CHECK-LABEL: define internal {{.*}}@taipan_m0_f1_private(
# CHECK: call void @taipan_native_list_free(
# CHECK: ret i64
def private(n):
    a = [0] * n
    for i in range(n):
        a[i] = i
    a.append(n)
    s = 0
    for x in a:
        s += x
    return s + len(a)


# KEPT-LABEL: define internal
# KEPT-NOT: @taipan_native_list_free
# KEPT: ret i64
# KEPT-NOT: @taipan_native_list_free
def returned(n):
    a = [0] * n
    return a


def passed(n, f):
    a = [0] * n
    f(a)
    return 0


def nested(n):
    a = [0] * n
    b = [a]
    return b


print(private(10), len(returned(5)), passed(3, print), nested(2))
