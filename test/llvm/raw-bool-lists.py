# Lists of bools hold one byte per item (runtime/list.h): a list[bool]
# literal is made raw (list_new_bools) and filled with bytes inline, and
# [b] * n stays raw in the runtime. Typed stores of a bool write a byte
# into a raw list after one test of the raw-bools bit; typed loads read a
# byte and test it against 0. Non-trivial loop unswitching (on at -O2,
# emit.cpp) takes the representation test out of the sieve's inner loop.
# Every target has raw bools, x86-32 and Thumb-1 too.
# RUN: %taipan compile --emit=llvm -O2 %s > %t.ll
# RUN: sed -n '/^define internal .*@taipan_m0_f1_sieve(/,/^}/p' %t.ll > %t.sieve.ll
# RUN: FileCheck %s < %t.sieve.ll
# RUN: FileCheck %s --check-prefix=LOOP < %t.sieve.ll
# RUN: %taipan compile --emit=llvm -O2 -march=x86 %s | FileCheck %s --check-prefix=X86
# RUN: %taipan compile --emit=asm -Os -march=armv6m %s | FileCheck %s --check-prefix=ARM


def sieve(limit):
    flags = [True] * limit
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i < limit:
        if flags[i]:
            j = i * i
            while j < limit:
                flags[j] = False
                j += i
        i += 1
    return flags


def main():
    flags = sieve(50)
    primes = []
    for n in range(50):
        if flags[n]:
            primes.append(n)
    print(primes)


main()

# CHECK: call i64 @taipan_native_list_new_bools(i64 1)
# CHECK-NEXT: inttoptr
# CHECK-NEXT: getelementptr
# CHECK-NEXT: load
# CHECK-NEXT: inttoptr
# CHECK-NEXT: store i8 1
# CHECK: %raw_bools{{[0-9.a-z]*}} = icmp {{eq|ne}} i64 %{{[0-9a-z]+}}, 0
# CHECK: load i8, ptr
# CHECK-NEXT: icmp {{eq|ne}} i8

# The inner loop is unswitched on the representation, tested once before
# it; the raw copy stores the byte at the checked position.
# LOOP: loop.speculative:
# LOOP: br i1 %raw_bools{{[0-9]*}}{{(.not)?}}, label %loop.speculative.split.us, label %spec
# LOOP: lshr i64 %position{{[0-9]*}}, 1
# LOOP-NEXT: getelementptr inbounds nuw i8
# LOOP-NEXT: store i8 0

# X86: call i32 @taipan_native_list_new_bools(i32 1)
# X86: store i8 1

# ARM: bl taipan_native_list_new_bools
# ARM: strb
