# list(range(...)) makes a list of ints of its own class, list(lst) one of
# lst's items, and a slice assignment raises the target's items by what it
# copies: a tracked list's items (perm[k::-1] keeps perm a list of ints),
# anything else's as object.
# RUN: %taipan compile --emit=ir %s | FileCheck %s


def flips(n):
    perm = list(range(n))
    copy = list(perm)
    count = 0
    k = perm[-1]
    while k:
        perm[: k + 1] = perm[k::-1]
        count += 1
        k = perm[0]
    return count + copy[0]


def mixed(n):
    a = list(range(n))
    a[:1] = "xy"
    return len(a)


print(flips(6), mixed(3))

# CHECK-LABEL: function flips (native)
# CHECK: perm:list[int] var
# CHECK-NEXT: copy:list[int] var
# CHECK: k:int var
# CHECK-LABEL: function mixed (native)
# CHECK: a:list[object] var
