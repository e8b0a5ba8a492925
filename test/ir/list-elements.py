# List element types: lists made in native code have a type per creation
# site, joined over every store; direct calls carry it into parameters and
# for loops into their items. A list handed to code the compiler cannot
# follow stays list[object].
# RUN: %taipan compile --emit=ir %s | FileCheck %s

def scale(xs, k):
    for i in range(len(xs)):
        xs[i] = xs[i] * k


def total(xs):
    s = 0.0
    for x in xs:
        s += x
    return s


def unknown(xs):
    xs.append("s")


def main():
    grid = [[0.5] * 3, [1.5] * 3]
    for row in grid:
        scale(row, 2.0)
    flat = []
    for row in grid:
        flat.extend(row)
    flags = [True] * 4
    flags[1] = False
    leaked = [1.0]
    handler = unknown
    handler(leaked)
    print(total(flat), flags, leaked)


main()

# CHECK-LABEL: function scale (native)
# CHECK-SAME: params: xs:list[float], k:float
# CHECK: {{%[0-9]+}}:float = subscr
# CHECK: {{%[0-9]+}}:float = binary mul
# CHECK: store.subscr

# CHECK-LABEL: function total (native)
# CHECK-SAME: params: xs:list[float] returns float
# CHECK: for.iter {{%[0-9]+}} -> [[ITEM:\$item[0-9]+]],
# CHECK: {{%[0-9]+}}:float = load [[ITEM]]

# CHECK-LABEL: function main (native)
# CHECK: grid:list[list[float]] var
# CHECK: row:list[float] var
# CHECK: flat:list[float] var
# CHECK: flags:list[bool] var
# CHECK: leaked:list[object] var
