# A generator expression passed straight to the builtin set() (or list())
# where the builder does not build it inline (at module level; in functions
# it is built inline, see comprehension.py) becomes a collector called
# directly with its cells and first iterator: it adds each item to the set
# that it returns, inside a try region whose handler turns an escaping
# StopIteration into RuntimeError; the call of set() and the function
# object are gone (len() of the set is the builtin's own call). For
# tuple() the collector gathers a list and the call stays; any() still
# gets a generator.
# RUN: %taipan compile --emit=ir %s | FileCheck %s

vec, cols, items = [1, 2], range(2), [1]
print(len(set(vec[i] + i for i in cols)))
print(tuple(x * 2 for x in items))
print(any(x > 1 for x in items))

# CHECK-LABEL: function <module> (native)
# CHECK-NOT: load.global 'set'
# CHECK: [[ITER:%[0-9]+]]:object = iter
# CHECK-NEXT: [[SET:%[0-9]+]]:set[object] = call.direct f0:1([[ITER]])
# CHECK-NEXT: :int = call.builtin len([[SET]])
# CHECK: load.global 'tuple'
# CHECK: [[LIST:%[0-9]+]]:list[object] = call.direct f0:2(
# CHECK-NEXT: call %{{[0-9]+}}([[LIST]])
# CHECK: make.function child=2

# CHECK-LABEL: function <genexpr> (native collector) slots=1 try_slots=1 params: $iterable:object returns set[object]
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

# CHECK-LABEL: function <genexpr> (native collector)
# CHECK: list.append

# CHECK-LABEL: function <genexpr> (native generator)
# CHECK: yield
