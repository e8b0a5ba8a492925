# A speculative loop reads the length and items of the lists it indexes
# once, on entry, when no call it goes on after could change a list: a slow
# path's call (a subscript through the runtime, whose result is then
# converted) leaves for the generic copy; unboxing a float item only reads;
# a function that only computes with numbers changes no list. A call that could run Python code
# (the truth of an object item: __bool__) and after which the loop reads a
# list again keeps the reads in the loop.
# RUN: %taipan compile --emit=llvm -O2 %s > %t.ll
# RUN: sed -n '/^define internal .*@taipan_m0_f1_count_flags(/,/^}/p' %t.ll | FileCheck %s
# RUN: sed -n '/^define internal .*@taipan_m0_f2_count_truthy(/,/^}/p' %t.ll | FileCheck %s --check-prefix=CALLS
# RUN: sed -n '/^define internal .*@taipan_m0_e0__module_(/,/^}/p' %t.ll | FileCheck %s --check-prefix=NUMERIC


def count_flags(n):
    flags = [False] * n
    for k in range(0, n, 3):
        flags[k] = True
    count = 0
    for k in range(n):
        if flags[k]:
            count += k
    return count


def count_truthy(items, n):
    count = 0
    for k in range(n):
        if items[k]:
            count += 1
    return count


def weight(i, j):
    return (i + j) * (i + j + 1) // 2 + 1


def weighted(xs):
    total = 0.0
    for k in range(len(xs)):
        total += xs[k] / weight(k, 3)
    return total


print(count_flags(30), count_truthy([1, [], "a", 0.0, None, (1,)], 6), weighted([1.0, 2.5]))

# Both loops: length and items on entry to the speculative copy.
# CHECK: loop.speculative{{[0-9]*}}:
# CHECK: %header{{[0-9]*}} = load i64
# CHECK-NEXT: %header{{[0-9]*}} = load ptr
# CHECK: loop.speculative{{[0-9]*}}:
# CHECK: %header{{[0-9]*}} = load i64
# CHECK-NEXT: %header{{[0-9]*}} = load ptr

# CALLS: loop.speculative{{[0-9]*}}:
# CALLS-NOT: %header
# CALLS: call i1 @taipan_native_is_true(

# Length, items and the raw-floats word on entry, though the loop calls
# weight() and may unbox an item (weighted() is inlined into the module).
# NUMERIC: loop.speculative{{[0-9]*}}{{(.i)?}}:
# NUMERIC-NEXT: %header{{[0-9.i]*}} = load i64
# NUMERIC-NEXT: %header{{[0-9.i]*}} = load ptr
# NUMERIC-NEXT: %header{{[0-9.i]*}} = load i64
