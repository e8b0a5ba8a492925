# A call through a local bound once to a builtin container's method
# (`push = stack.append`) becomes a method call on the container's local
# when that local holds one value whenever it is bound (a parameter never
# written, a local stored once outside any loop): the method then compiles
# as the typed receiver's (list.pop and list.insert through runtime helpers,
# dict.get). Anything else keeps the bound method object.
# RUN: %taipan compile --emit=ir %s | FileCheck %s
# RUN: %taipan compile --emit=llvm %s | FileCheck %s --check-prefix=LLVM
# RUN: %python %tools/run_e2e.py %taipan %s


def rotate(n, steps):
    ring = list(range(n))
    take = ring.pop
    put = ring.insert
    for i in range(steps):
        put(i % n, take(0))
    return ring


# CHECK-LABEL: function rotate (native)
# CHECK: [[TAKE:%[0-9]+]]:object = load take
# CHECK: [[RING:%[0-9]+]]:list[object] = load ring
# CHECK-NEXT: [[POPPED:%[0-9]+]]:object = call.method [[RING]].pop(
# CHECK-NEXT: [[RING2:%[0-9]+]]:list[object] = load ring
# CHECK-NEXT: call.method [[RING2]].insert({{%[0-9]+}}, [[POPPED]])
# LLVM-LABEL: define {{.*}}@taipan_m0_f{{[0-9]+}}_rotate(
# LLVM: call {{.*}}@taipan_native_list_pop(
# LLVM: call void @taipan_native_list_insert(
print(rotate(5, 7))


def count(words, table):
    lookup = table.get
    total = 0
    for w in words:
        total += lookup(w, 0)
    return total


# CHECK-LABEL: function count (native)
# CHECK: call.method {{%[0-9]+}}.get(
print(count(["a", "b", "a", "c"], {"a": 2, "b": 5}))


# The receiver stored again: each value is a local of its own (its web), and
# the bound method's is the first list's.
def rebound():
    items = [1]
    first = items
    add = items.append
    items = [2]
    add(3)
    return first, items


# CHECK-LABEL: function rebound (native)
# CHECK: call.method {{%[0-9]+}}.append(
print(rebound())


# The receiver's one store in a loop: each pass makes a new list, the bound
# method is the first one's.
def in_loop(n):
    keep = []
    for i in range(n):
        row = [i]
        if i == 0:
            add = row.append
        add(i * 10)
        keep.append(row)
    return keep


# CHECK-LABEL: function in_loop (native)
# CHECK: [[ADD:%[0-9]+]]:object = load add maybe-unbound
# CHECK: call [[ADD]](
print(in_loop(3))


# An instance's method may change: not a builtin container.
class Box:
    def put(self, x):
        return x + 1


def on_instance(box):
    put = box.put
    box.put = lambda x: x * 100
    return put(1), box.put(1)


print(on_instance(Box()))


# Keyword arguments pass through; errors are the method's.
def sort_desc(values):
    order = values.sort
    order(reverse=True)
    take = values.pop
    try:
        take(10)
    except IndexError:
        print("IndexError")
    return values


print(sort_desc([3, 1, 2]))
