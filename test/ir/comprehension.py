# List, set and dict comprehensions are built inline (as CPython 3.12 does):
# the first iterable is evaluated in the enclosing function, the iteration
# variables become its temps, range() clauses become counting loops, and a
# local the comprehension reads stays a plain local instead of a cell. A
# parameter the bytecode still makes a cell arrives in one from dynamic
# callers (bound-in-cell: the entry opens it). The comprehension's child
# function stays for the function's bytecode. A generator expression's body
# runs later, so it stays a child generator that yields each item.
# RUN: %taipan compile --emit=ir %s | FileCheck %s

def evens(xs, k):
    return [x * k for x in xs if x % 2 == 0]

# CHECK-LABEL: function evens (native)
# CHECK: k:{{.*}} param slot=1 bound-in-cell
# CHECK-NEXT: $result0:list[{{.*}}] temp
# CHECK-NEXT: $x1:{{.*}} temp
# CHECK: bb0:
# CHECK-NEXT: [[NEW:%[0-9]+]]:{{.*}} = build.list
# CHECK-NEXT: store $result0, [[NEW]]
# CHECK-NEXT: [[XS:%[0-9]+]]:{{.*}} = load xs
# CHECK-NEXT: [[IT:%[0-9]+]]:{{.*}} = iter [[XS]]
# CHECK: bb1:
# CHECK: for.iter {{%[0-9]+}} -> $item3, bb2, bb4
# CHECK: bb2:
# CHECK: store $x1,
# CHECK: binary mod
# CHECK: binary eq
# CHECK: branch {{%[0-9]+}}, bb3, bb1
# CHECK: bb3:
# CHECK: [[K:%[0-9]+]]:{{.*}} = load k
# CHECK-NEXT: binary mul {{%[0-9]+}}, [[K]]
# CHECK: [[RESULT:%[0-9]+]]:{{.*}} = load $result0
# CHECK-NEXT: list.append [[RESULT]],
# CHECK-NEXT: jump bb1
# CHECK: bb4:
# CHECK-NEXT: [[DONE:%[0-9]+]]:{{.*}} = load $result0
# CHECK-NEXT: return [[DONE]]
# CHECK-NOT: make.function
# CHECK-LABEL: function <listcomp> (native) slots=2 params: $iterable:{{.*}} returns
# CHECK: k:{{.*}} free slot=0
# CHECK: load.cell k

def table(n):
    return {i: [j for j in range(i)] for i in range(n)}

# CHECK-LABEL: function table (native)
# CHECK: $i1:int temp
# CHECK: $j5:int temp
# CHECK: build.dict
# CHECK: to.index
# CHECK: binary less
# CHECK: store $i1,
# CHECK: build.list
# CHECK: store $j5,
# CHECK: list.append
# CHECK: binary add {{.*}} counter
# CHECK: dict.store
# CHECK: binary add {{.*}} counter
# CHECK-NOT: make.function
# The dict comprehension's own function (for the bytecode) builds the
# inner one inline too.
# CHECK-LABEL: function <dictcomp> (native)
# CHECK-NOT: make.function
# CHECK: list.append
# CHECK: dict.store

# A local that a lambda also captures stays a cell.
def keeps_cell(xs, k):
    f = lambda: k
    return [x + k for x in xs], f

# CHECK-LABEL: function keeps_cell (native)
# CHECK: k:object cell slot=1
# CHECK: make.function child=0
# CHECK: for.iter
# CHECK: load.cell k
# CHECK: list.append

# A generator expression that sum() (or any, all, list, tuple, set,
# sorted, min, max) consumes directly is built inline too, inside a try
# region that turns a StopIteration from its items into the RuntimeError a
# generator raises.
def total(xs):
    return sum(x for x in xs)

# CHECK-LABEL: function total (native) slots=1 try_slots=1
# CHECK: [[ZERO:%[0-9]+]]:int = const.int 0
# CHECK-NEXT: store $result0, [[ZERO]]
# CHECK-NEXT: try.push 0, bb1, bb5
# CHECK: for.iter {{%[0-9]+}} -> $item3, bb3, bb4
# CHECK: [[X:%[0-9]+]]:{{.*}} = load $x1
# CHECK-NEXT: [[SUM:%[0-9]+]]:{{.*}} = load $result0
# CHECK-NEXT: [[NEW:%[0-9]+]]:{{.*}} = binary add [[SUM]], [[X]]
# CHECK-NEXT: store $result0, [[NEW]]
# CHECK: bb4:
# CHECK-NEXT: try.pop 0
# CHECK: bb5:
# CHECK-NEXT: [[EXC:%[0-9]+]]:object = caught 0
# CHECK-NEXT: reraise [[EXC]] leaving-inlined-generator
# CHECK-NOT: make.function
# CHECK-LABEL: function <genexpr> (native generator)

# Any other generator expression runs lazily: a child generator that
# yields each item.
def lazy(xs):
    return iter(x for x in xs)

# CHECK-LABEL: function lazy (native)
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
