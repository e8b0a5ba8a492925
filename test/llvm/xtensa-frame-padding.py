# Xtensa frames between l32i's reach (1020 bytes) and 2 KiB are padded to
# 2 KiB before frame finalisation (target_xtensa.cpp), so that LLVM 22
# reserves the register scavenger's emergency slot: without it, a big
# function at -O0 aborted with "Cannot scavenge register without an
# emergency spill slot". Small frames stay as they are.
# RUN: %taipan compile --emit=asm -O0 -march=xtensawin %s | FileCheck %s
# RUN: %taipan compile --emit=obj -O0 -march=xtensa %s -o %t.o
# CHECK-LABEL: taipan_m0_f1_small:
# CHECK: entry a1, {{[1-6]?[0-9]?[0-9]}}{{$}}
# CHECK-LABEL: taipan_m0_f2_big:
# CHECK: entry a1, 2{{[0-9][0-9][0-9]}}{{$}}


def small(x):
    v0 = x + 0
    v1 = v0 * x + 1
    v2 = v1 * x + 2
    v3 = v2 * x + 3
    return v0 + v3


def big(x):
    v0 = x + 0
    v1 = v0 * x + 1
    v2 = v1 * x + 2
    v3 = v2 * x + 3
    v4 = v3 * x + 4
    v5 = v4 * x + 5
    v6 = v5 * x + 6
    v7 = v6 * x + 7
    v8 = v7 * x + 8
    v9 = v8 * x + 9
    v10 = v9 * x + 10
    v11 = v10 * x + 11
    v12 = v11 * x + 12
    v13 = v12 * x + 13
    v14 = v13 * x + 14
    v15 = v14 * x + 15
    return v0 + v3 + v6 + v9 + v12 + v15


print(small(1), big(1))
