# Closures: a parameter shared with a nested function is a cell parameter,
# a shared local a cell; make.function passes the cells (cell) in the
# parent's closure order after the defaults; the child's free variables
# take the leading slots and are read and written through load.cell and
# store.cell.
# RUN: %taipan compile --emit=ir %s | FileCheck %s

def outer(a):
    b = 1

    def inner(c=2, *, d=3):
        nonlocal b
        b += a + c + d
        return b

    return inner

# CHECK-LABEL: function outer (native) slots=1 params: a:{{.*}} returns
# CHECK: locals:
# CHECK-NEXT: a:{{.*}} cell slot=0
# CHECK-NEXT: inner:{{.*}} var
# CHECK-NEXT: b:{{.*}} cell
# CHECK: bb0:
# CHECK-NEXT: [[ONE:%[0-9]+]]:{{.*}} = const.int 1
# CHECK-NEXT: store.cell b, [[ONE]]
# CHECK-NEXT: [[TWO:%[0-9]+]]:{{.*}} = const.int 2
# CHECK-NEXT: [[THREE:%[0-9]+]]:{{.*}} = const.int 3
# CHECK-NEXT: [[D:%[0-9]+]]:{{.*}} = const.qstr 'd'
# CHECK-NEXT: [[DEFAULTS:%[0-9]+]]:{{.*}} = build.tuple [[TWO]]
# CHECK-NEXT: [[KWDEFAULTS:%[0-9]+]]:{{.*}} = build.dict [[D]], [[THREE]]
# CHECK-NEXT: [[CA:%[0-9]+]]:{{.*}} = cell a
# CHECK-NEXT: [[CB:%[0-9]+]]:{{.*}} = cell b
# CHECK-NEXT: make.function child=0 [[DEFAULTS]], [[KWDEFAULTS]], [[CA]], [[CB]]
# CHECK: store inner,

# CHECK-LABEL: function inner (native) slots=4 params: c:{{.*}}, d:{{.*}} returns
# CHECK: locals:
# CHECK-NEXT: a:{{.*}} free slot=0
# CHECK-NEXT: b:{{.*}} free slot=1
# CHECK-NEXT: c:{{.*}} param slot=2
# CHECK-NEXT: d:{{.*}} param slot=3
# CHECK: bb0:
# CHECK-NEXT: load.cell b
# CHECK-NEXT: load.cell a
# CHECK: binary iadd
# CHECK-NEXT: store.cell b,

# A lambda is a function too; a class body stays bytecode, its methods
# close over __class__ for super().
def make(k):
    return lambda x: x * k

# CHECK-LABEL: function make (native)
# CHECK: cell k
# CHECK-NEXT: make.function child=0
# CHECK-LABEL: function <lambda> (native) slots=2 params: x:{{.*}} returns
# CHECK: k:{{.*}} free slot=0

class A:
    def m(self):
        return super().m()

# CHECK-LABEL: function A (bytecode: class bodies are not compiled natively)
# CHECK-LABEL: function m (native) slots=2 params: self:{{.*}} returns
# CHECK: __class__:{{.*}} free slot=0
# CHECK: [[SUPER:%[0-9]+]]:{{.*}} = load.global 'super'
# CHECK-NEXT: [[CLASS:%[0-9]+]]:{{.*}} = load.cell __class__
# CHECK-NEXT: [[SELF:%[0-9]+]]:{{.*}} = load self
# CHECK-NEXT: [[OBJ:%[0-9]+]]:{{.*}} = call [[SUPER]]([[CLASS]], [[SELF]])
# CHECK-NEXT: call.method [[OBJ]].m()
