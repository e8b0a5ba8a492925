# A generator expression passed straight to the builtin set() (or list())
# becomes a collector called directly with its cells and first iterator:
# it adds each item to the set that it returns, inside a try region whose
# handler turns an escaping StopIteration into RuntimeError; the call of
# set() and the function object are gone. For tuple() the collector gathers
# a list and the call stays; any() still gets a generator.
# RUN: %taipan compile --emit=ir %s | FileCheck %s


def distinct(vec, cols):
    return len(set(vec[i] + i for i in cols))


def as_tuple(items):
    return tuple(x * 2 for x in items)


def lazy(items):
    return any(x > 1 for x in items)


print(distinct([1, 2], range(2)), as_tuple([1]), lazy([2]))

# CHECK-LABEL: function distinct (native)
# CHECK-NOT: make.function
# CHECK-NOT: load.global 'set'
# CHECK: [[CELL:%[0-9]+]]:object = cell vec
# CHECK: [[ITER:%[0-9]+]]:object = iter
# CHECK-NEXT: [[SET:%[0-9]+]]:set[object] = call.direct f{{[0-9]+}}:{{[0-9]+}}([[CELL]], [[ITER]])
# CHECK-NEXT: call %{{[0-9]+}}([[SET]])

# CHECK-LABEL: function <genexpr> (native collector) slots=2 try_slots=1 params: $iterable:object returns set[object]
# CHECK: $collected:set[object] temp
# CHECK: bb0:
# CHECK-NEXT: [[NEW:%[0-9]+]]:set[object] = build.set
# CHECK-NEXT: store $collected, [[NEW]]
# CHECK-NEXT: try.push 0, [[BODY:bb[0-9]+]], [[HANDLER:bb[0-9]+]]
# CHECK: set.add
# CHECK: try.pop 0
# CHECK-NEXT: [[RESULT:%[0-9]+]]:set[object] = load $collected
# CHECK-NEXT: return [[RESULT]]
# CHECK: [[HANDLER]]:
# CHECK-NEXT: [[EXC:%[0-9]+]]:object = caught 0
# CHECK-NEXT: reraise [[EXC]] leaving-generator

# CHECK-LABEL: function as_tuple (native)
# CHECK: load.global 'tuple'
# CHECK-NOT: make.function
# CHECK: [[LIST:%[0-9]+]]:list[object] = call.direct
# CHECK-NEXT: call %{{[0-9]+}}([[LIST]])

# CHECK-LABEL: function <genexpr> (native collector)
# CHECK: list.append

# CHECK-LABEL: function lazy (native)
# CHECK: make.function
# CHECK-LABEL: function <genexpr> (native generator)
# CHECK: yield
