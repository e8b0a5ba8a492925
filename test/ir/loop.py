# Loops: a counting loop for range() with a constant step (ToIndex on the
# bound, a Temp counter, less + add), a generic for loop (iter/for.iter),
# and a while loop with break and else.
# RUN: %taipan compile --emit=ir %s | FileCheck %s

def total(n, scale):
    s = 0.0
    for i in range(n):
        s += scale * i
    return s

# CHECK-LABEL: function total (native) slots=2 params: n:{{.*}}, scale:{{.*}} returns
# CHECK: locals:
# CHECK-NEXT: n:{{.*}} param slot=0
# CHECK-NEXT: scale:{{.*}} param slot=1
# CHECK-NEXT: s:{{.*}} var
# CHECK-NEXT: i:{{.*}} var
# CHECK-NEXT: $end0:{{.*}} temp
# CHECK-NEXT: $i1:{{.*}} temp
# CHECK: bb0:
# CHECK: const.float 0.0
# CHECK: store s,
# CHECK: [[N:%[0-9]+]]:{{.*}} = load n
# CHECK-NEXT: [[END:%[0-9]+]]:{{.*}} = to.index [[N]]
# CHECK-NEXT: store $end0, [[END]]
# CHECK-NEXT: [[ZERO:%[0-9]+]]:{{.*}} = const.int 0
# CHECK-NEXT: store $i1, [[ZERO]]
# CHECK-NEXT: jump bb1
# CHECK: bb1:
# CHECK: [[LIMIT:%[0-9]+]]:{{.*}} = load $end0
# CHECK: [[CTR:%[0-9]+]]:{{.*}} = load $i1
# CHECK: [[LESS:%[0-9]+]]:{{.*}} = binary less [[CTR]], [[LIMIT]]
# CHECK: branch {{%[0-9]+}}, bb2, bb3
# CHECK: bb2:
# CHECK: [[I:%[0-9]+]]:{{.*}} = load $i1
# CHECK-NEXT: store i, [[I]]
# CHECK: binary mul
# CHECK: binary iadd
# CHECK: store s,
# CHECK-NEXT: [[C:%[0-9]+]]:{{.*}} = load $i1
# CHECK-NEXT: [[ONE:%[0-9]+]]:{{.*}} = const.int 1
# CHECK-NEXT: [[NEXT:%[0-9]+]]:{{.*}} = binary add [[C]], [[ONE]]
# CHECK-NEXT: store $i1, [[NEXT]]
# CHECK-NEXT: jump bb1
# CHECK: bb3:
# CHECK: return

# A negative constant step counts down with `more`; a constant bound needs no temporary.
def down():
    for i in range(10, 0, -2):
        print(i)

# CHECK-LABEL: function down (native)
# CHECK: const.int 10
# CHECK-NEXT: store $i0,
# CHECK: bb1:
# CHECK: const.int 0
# CHECK: binary more
# CHECK: const.int -2
# CHECK-NEXT: binary add

def generic(xs):
    n = 0
    for x in xs:
        n += x
    else:
        n = -n
    return n

# CHECK-LABEL: function generic (native)
# CHECK: [[XS:%[0-9]+]]:{{.*}} = load xs
# CHECK-NEXT: [[IT:%[0-9]+]]:{{.*}} = iter [[XS]]
# CHECK-NEXT: store $iter0, [[IT]]
# CHECK: bb1:
# CHECK-NEXT: [[ITER:%[0-9]+]]:{{.*}} = load $iter0
# CHECK-NEXT: for.iter [[ITER]] -> $item1, bb2, bb3
# CHECK: bb2:
# CHECK-NEXT: [[ITEM:%[0-9]+]]:{{.*}} = load $item1
# CHECK-NEXT: store x, [[ITEM]]
# CHECK: jump bb1
# CHECK: bb3:
# CHECK: unary neg

def search(n):
    while n > 0:
        if n == 7:
            break
        n -= 1
    else:
        return -1
    return n

# CHECK-LABEL: function search (native)
# CHECK: bb1:
# CHECK: binary more
# CHECK: branch {{%[0-9]+}}, bb2, bb5
# CHECK: bb2:
# CHECK: binary eq
# CHECK: branch {{%[0-9]+}}, bb3, bb4
# CHECK: bb3:
# CHECK: load n
# CHECK-NEXT: return
# CHECK: bb4:
# CHECK: binary isub
# CHECK: jump bb1
# CHECK: bb5:
# CHECK: const.int -1
# CHECK-NEXT: return
