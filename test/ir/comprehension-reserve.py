# A comprehension with one loop and no condition holds as many items as its
# loop runs: its new collection makes room for them before the loop (a
# `reserve` of the count of a range() counting up by 1, or of the iterable,
# whose length the runtime takes when it is a builtin sized collection).
# Nothing is reserved where the count is not the loop's: a condition, a
# second loop, a range() counting down.
# RUN: %taipan compile --emit=ir %s | FileCheck %s


def squares(n):
    return [i * i for i in range(1, n)]


# CHECK-LABEL: function squares (native)
# CHECK: [[END:%[0-9]+]]:int = load $end
# CHECK-NEXT: [[START:%[0-9]+]]:int = load $i
# CHECK-NEXT: [[COUNT:%[0-9]+]]:int = binary sub [[END]], [[START]]
# CHECK-NEXT: [[LIST:%[0-9]+]]:list[int] = load $result
# CHECK-NEXT: reserve [[LIST]], [[COUNT]]
# CHECK-NEXT: jump


def collections(xs):
    s = {x for x in xs}
    d = {x: 1 for x in xs}
    t = set(x + 1 for x in xs)
    return s, d, t


# CHECK-LABEL: function collections (native)
# CHECK: [[XS:%[0-9]+]]:{{.*}} = load xs
# CHECK-NEXT: [[SET:%[0-9]+]]:set[{{.*}}] = load $result
# CHECK-NEXT: reserve [[SET]], [[XS]]
# CHECK-NEXT: iter [[XS]]
# CHECK: [[XS:%[0-9]+]]:{{.*}} = load xs
# CHECK-NEXT: [[DICT:%[0-9]+]]:dict[{{.*}}] = load $result
# CHECK-NEXT: reserve [[DICT]], [[XS]]
# CHECK: [[XS:%[0-9]+]]:{{.*}} = load xs
# CHECK-NEXT: [[GEN:%[0-9]+]]:set[{{.*}}] = load $result
# CHECK-NEXT: reserve [[GEN]], [[XS]]


def unsized(xs, n):
    a = [x for x in xs if x]
    b = [x + y for x in xs for y in xs]
    c = [i for i in range(n, 0, -1)]
    return a, b, c


# CHECK-LABEL: function unsized (native)
# CHECK-NOT: reserve
# CHECK: return
print(squares(4), collections([1, 2]), unsized([1, 0], 2))
