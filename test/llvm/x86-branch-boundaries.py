# x64 objects keep every conditional jump within a 32-byte window (not crossing or
# ending at a boundary), as clang's -mbranches-within-32B-boundaries: on
# Skylake-derived cores the JCC erratum's microcode fix makes such jumps
# slow, and the same fib code ran 38% slower at an unlucky address.
# RUN: %taipan compile --emit=obj -O2 %s -o %t.o
# RUN: llvm-objdump -d %t.o | %python %tools/check_branch_boundaries.py | FileCheck %s
# CHECK: conditional jumps checked: {{[1-9][0-9]*}}, crossing or ending at a 32-byte boundary: 0


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def count(limit):
    hits = 0
    for i in range(limit):
        if i % 3 == 0 or i % 5 == 0:
            hits += i
    return hits


print(fib(20), count(1000))
