# RUN: %python %tools/run_e2e.py %taipan %s
# list(range(...)) and list(lst) make lists that inference types on their
# own (ints, or the copied list's items), and a slice assignment raises the
# target's item type by the items it copies (a list's, or anything from
# another iterable): whatever is stored, every read sees the right value.


def counts(n):
    a = list(range(n))
    b = list(a)
    a[0] = a[1] + 10
    b[1:3] = [7.5, 8.5]  # floats join b's ints
    c = list(range(1, n, 2))
    c[:1] = "xy"  # a str's items: anything
    d = list(range(3))
    d[1:] = d[:0:-1]  # reversed copy of its own items
    return a, b, c, d, a[0] + b[1] + d[1]


print(counts(5))


def flip(n):
    perm = list(range(n))
    flips = 0
    k = perm[-1]
    while k:
        perm[: k + 1] = perm[k::-1]
        flips += 1
        k = perm[0]
    return flips, perm


print(flip(6))


def copy_then_mix(xs):
    ys = list(xs)
    ys.append("end")
    return ys, xs


print(copy_then_mix([1.5, 2.5]))
