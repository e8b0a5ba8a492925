# RUN: %python %tools/run_e2e.py %taipan %s
# Lists that never leave their function are freed when it returns (the
# native backend: ir/escape.cpp), and the next big request reuses their
# memory. Every list that does leave must survive: each case below keeps a
# big list (over 4 KiB, so that a wrong free would be reused at once), then
# scribbles over a fresh temporary of the same size, then checks the list.

N = 1000
kept = []
table = {}


def scribble():
    # An unshared temporary the same size as the kept lists: freed at return.
    junk = [-1] * N
    for i in range(N):
        junk[i] = -i
    return junk[N - 1]


def total(items):
    s = 0
    for x in items:
        s += x
    return s


def returned():
    a = [1] * N
    a[0] = 5
    return a


def stored_global():
    a = [2] * N
    kept.append(a)
    return len(a)


def stored_dict():
    a = [3] * N
    table["a"] = a
    return 0


def passed(f):
    a = [4] * N
    f(a)
    return 0


def aliased():
    a = [5] * N
    b = a
    return b


def captured():
    a = [6] * N

    def inner():
        return a[0]

    return inner


def iterator_kept():
    a = [7] * N
    it = iter(a)
    return it


def inplace_added():
    a = [8] * N
    a += [1]
    return a


def nested():
    a = [9] * N
    return [a]


class Box:
    pass


def attribute(box):
    a = [10] * N
    box.items = a
    return 0


def generator():
    a = [11] * N
    yield a


def raised():
    a = [12] * N
    kept.append(a)
    raise ValueError("after storing")


def unshared_uses(n):
    # Freed at the return: indexed, iterated, changed in place, copied.
    a = [0] * n
    for i in range(n):
        a[i] = i
    a.append(n)
    a.extend([n + 1])
    b = a + [1]
    c = a.copy()
    s = 0
    for x in a:
        s += x
    if a and a is not None:
        s += len(b) + len(c)
    return s


def floats(n):
    a = [0.0] * n
    for i in range(n):
        a[i] = i * 0.5
    s = 0.0
    for x in a:
        s += x
    return s


def early_return(n):
    a = [1] * n
    for i in range(n):
        if i == 10:
            return i + a[i]
    return -1


def reassigned(n):
    a = [1] * n
    a = [2] * n
    return a[0] + a[n - 1]


r = returned()
scribble()
print("returned", total(r), r[0])

stored_global()
scribble()
print("global", total(kept[0]))

stored_dict()
scribble()
print("dict", total(table["a"]))

got = []
passed(got.append)
scribble()
print("passed", total(got[0]))

b = aliased()
scribble()
print("aliased", total(b))

inner = captured()
scribble()
print("captured", inner())

it = iterator_kept()
scribble()
print("iterator", total(it))

c = inplace_added()
scribble()
print("inplace", total(c), len(c))

d = nested()
scribble()
print("nested", total(d[0]))

box = Box()
attribute(box)
scribble()
print("attribute", total(box.items))

g = generator()
e = next(g)
scribble()
print("generator", total(e))

try:
    raised()
except ValueError as exc:
    print("raised", exc)
scribble()
print("raised kept", total(kept[1]))

for n in (0, 1, 600, 1200):
    print("unshared", n, unshared_uses(n), floats(n), early_return(n), reassigned(max(n, 1)))
    scribble()
print("scribble", scribble())
