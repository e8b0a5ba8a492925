# Cells, the locals nested functions share, hold what their owner and the
# closures sharing them store there: inference types a cell's contents by
# every store.cell to it, through the cell refs make.function passes, and
# the loads are typed (an unboxed float here). Lists in typed cells stay
# tracked. A cell holds object when something may fill it unseen (a cell
# parameter, a class body, which is bytecode, sharing it) or when its
# stores disagree, also a generic clone's stores.
# RUN: %taipan compile --emit=ir %s | FileCheck %s
# RUN: %taipan compile --emit=llvm %s | FileCheck %s --check-prefix=LLVM
# RUN: %python %tools/run_e2e.py %taipan %s


def accumulate(steps):
    total = 0.0
    history = []

    def add():
        nonlocal total
        total += 1.5
        history.append(total * 2.0)

    for _ in range(steps):
        add()
    print(total, history, sum(history))


# CHECK-LABEL: function accumulate (native)
# CHECK: total:float cell
# CHECK: history:list[float] cell
# CHECK-LABEL: function add (native)
# CHECK: total:float free slot=
# CHECK: history:list[float] free slot=
# CHECK: {{%[0-9]+}}:float = load.cell total
# CHECK: {{%[0-9]+}}:list[float] = load.cell history
# LLVM-LABEL: define {{.*}}@taipan_m0_e{{[0-9]+}}_add(
# LLVM: fadd double

accumulate(3)


# Stores that disagree (an int, then a str from the closure) leave object.
def rebinds():
    value = 1

    def change():
        nonlocal value
        value = "now a str"

    change()
    return value


# CHECK-LABEL: function rebinds (native)
# CHECK: value:object cell
print(rebinds())


# The owner runs with other argument types through its generic clone, whose
# stores reach the same closures: the cell holds both.
def doubled(seed):
    box = seed

    def get():
        return box + box

    return get()


print(doubled(21), doubled("ab"))


# A class body is bytecode: a cell it shares holds object.
def in_class(items):
    kept = list(items)

    class Holder:
        def first(self):
            return kept[0]

        kept.append(9)

    return Holder().first(), kept


# CHECK-LABEL: function in_class (native)
# CHECK: kept:object cell
print(in_class([4, 5]))


# A walrus in a generator expression stores to the enclosing function's
# variable (a plain local where the expression is built inline).
def last_seen(n):
    last = -1
    ordered = sorted((last := i) * -i for i in range(n))
    return last, ordered


print(last_seen(4), last_seen(0))


# A free variable read before its store, and a deleted cell, are unbound.
def unbound():
    def read():
        return later

    try:
        read()
    except NameError:
        print("NameError before the store")
    later = [1.5]
    print(read())
    del later
    try:
        read()
    except NameError:
        print("NameError after del")


unbound()
