# Comprehensions are child functions: the parent calls make.function's
# result with its first iterable; the child (its iterable in slot 0 after
# the free variables) loops with for.iter and appends to a temporary.
# A generator expression's child is a generator that yields each item.
# RUN: %taipan compile --emit=ir %s | FileCheck %s

def evens(xs, k):
    return [x * k for x in xs if x % 2 == 0]

# CHECK-LABEL: function evens (native)
# CHECK: cell k
# CHECK-NEXT: [[FN:%[0-9]+]]:{{.*}} = make.function child=0
# CHECK-NEXT: [[XS:%[0-9]+]]:{{.*}} = load xs
# CHECK-NEXT: [[LIST:%[0-9]+]]:{{.*}} = call [[FN]]([[XS]])
# CHECK-NEXT: return [[LIST]]

# CHECK-LABEL: function <listcomp> (native) slots=2 params: $iterable:{{.*}} returns
# CHECK: k:{{.*}} free slot=0
# CHECK-NEXT: $iterable:{{.*}} param slot=1
# CHECK-NEXT: x:{{.*}} var
# CHECK-NEXT: $result0:{{.*}} temp
# CHECK: bb0:
# CHECK-NEXT: [[NEW:%[0-9]+]]:{{.*}} = build.list
# CHECK-NEXT: store $result0, [[NEW]]
# CHECK-NEXT: [[ARG:%[0-9]+]]:{{.*}} = load $iterable
# CHECK-NEXT: [[IT:%[0-9]+]]:{{.*}} = iter [[ARG]]
# CHECK: bb1:
# CHECK: for.iter {{%[0-9]+}} -> $item2, bb2, bb4
# CHECK: bb2:
# CHECK: store x,
# CHECK: binary mod
# CHECK: binary eq
# CHECK: branch {{%[0-9]+}}, bb3, bb1
# CHECK: bb3:
# CHECK: load.cell k
# CHECK: binary mul
# CHECK: [[RESULT:%[0-9]+]]:{{.*}} = load $result0
# CHECK-NEXT: list.append [[RESULT]],
# CHECK-NEXT: jump bb1
# CHECK: bb4:
# CHECK-NEXT: [[DONE:%[0-9]+]]:{{.*}} = load $result0
# CHECK-NEXT: return [[DONE]]

def table(n):
    return {i: [j for j in range(i)] for i in range(n)}

# CHECK-LABEL: function table (native)
# CHECK: load.global 'range'
# CHECK-LABEL: function <dictcomp> (native)
# CHECK: make.function child=0
# CHECK: dict.store
# CHECK-LABEL: function <listcomp> (native)
# CHECK: list.append

def total(xs):
    return sum(x for x in xs)

# CHECK-LABEL: function total (native)
# CHECK: [[GEN:%[0-9]+]]:{{.*}} = make.function child=0
# CHECK-NEXT: [[XS:%[0-9]+]]:{{.*}} = load xs
# CHECK-NEXT: [[IT:%[0-9]+]]:{{.*}} = iter [[XS]]
# CHECK-NEXT: call [[GEN]]([[IT]])
# CHECK-LABEL: function <genexpr> (native generator) slots=1 params: $iterable:object returns
# CHECK: for.iter {{%[0-9]+}} -> $item1, bb2, bb3
# CHECK: bb2:
# CHECK: [[X:%[0-9]+]]:object = load x
# CHECK-NEXT: {{%[0-9]+}}:object = yield [[X]]
# CHECK-NEXT: jump bb1
# CHECK: bb3:
# CHECK-NEXT: [[NONE:%[0-9]+]]:None = const.none
# CHECK-NEXT: return [[NONE]]
