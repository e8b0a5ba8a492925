# The speculative copy of a block of int operations checks the ints it loads
# for a magnitude under 2**30 (tagged: x + 2**31 unsigned below 2**32) and
# then computes `(i + j) * (i + j + 1) // 2 + i + 1` without overflow checks
# (nsw arithmetic). A block with a single operation gains nothing from a
# check and gets none. (The bodies are inlined into their entries.)
# RUN: %taipan compile --emit=llvm -O2 %s > %t.ll
# RUN: sed -n '/^define internal .*@taipan_m0_e1_index(/,/^}/p' %t.ll | FileCheck %s
# RUN: sed -n '/^define internal .*@taipan_m0_e2_short(/,/^}/p' %t.ll | FileCheck %s --check-prefix=SHORT
# RUN: %taipan compile --emit=llvm -O0 %s | FileCheck %s --check-prefix=O0


def index(i, j):
    ij = i + j
    return ij * (ij + 1) // 2 + i + 1


# CHECK-LABEL: define internal {{.*}}@taipan_m0_e1_index(
# CHECK: [[I:%[0-9]+]] = add i64 %slot, 2147483648
# CHECK-NEXT: icmp ult i64 [[I]], 4294967296
# CHECK: [[J:%[0-9]+]] = add i64 %slot1, 2147483648
# CHECK-NEXT: icmp ult i64 [[J]], 4294967296
# CHECK: add nsw i64
# CHECK: mul nsw i64
# CHECK: {{^}}}


def short(i):
    return i + 1


# SHORT-LABEL: define internal {{.*}}@taipan_m0_e2_short(
# SHORT-NOT: 4294967296
# SHORT: ret i64

# No speculation at -O0.
# O0-NOT: 4294967296

print(index(3, 4), short(5))
