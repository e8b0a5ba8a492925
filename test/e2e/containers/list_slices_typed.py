# RUN: %python %tools/run_e2e.py %taipan %s
# Slices of lists that inference knows are exact lists (natively: the
# bounds go straight to the list slice helpers, no slice object is made):
# every bound form, negative steps, clamping, __index__ bounds, errors, and
# slice assignment growing, shrinking, from itself, a tuple or an iterator.


class Index:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        print("index", self.n)
        return self.n


def reads(n):
    a = list(range(n))
    print(a[:], a[2:], a[:3], a[1:4], a[::2], a[::-1], a[-3:], a[:-3], a[-1:-5:-1])
    print(a[5:1:-2], a[:100], a[50:], a[-100:2], a[3:3], a[4:2], a[::-3])
    print(a[True:], a[: 2**70], a[-(2**70) :], a[:: 2**70], a[Index(1) : Index(3)])
    b = a[:]
    b.append("x")  # a copy, not the same list
    print(len(a), len(b), a is b)
    c = a[1:]
    c[0] = -1
    print(a[1], c[0])


def steps_and_errors(n):
    a = list(range(n))
    for step in (1, 2, 3, -1, -2, -7, 100):
        print(step, a[::step], a[1:-1:step], a[-2:1:step])
    try:
        print(a[::0])
    except ValueError as e:
        print("ValueError", e)
    try:
        print(a["x":])
    except TypeError as e:
        print("TypeError", e)
    try:
        a[::2] = [1, 2]
    except ValueError as e:
        print("ValueError", e)
    try:
        a[::0] = []
    except ValueError as e:
        print("ValueError", e)


def writes(n):
    a = list(range(n))
    a[2:5] = ["a", "b"]
    print(a)
    a[:0] = [-1]
    print(a)
    a[len(a) :] = [99, 100]
    print(a)
    a[1:3] = []
    print(a)
    a[::2] = [0] * len(a[::2])
    print(a)
    a[::-3] = "xyz"[: len(a[::-3])]
    print(a)
    a[:] = a
    print(a)
    a[2:4] = a
    print(a)
    a[:] = (7, 8, 9)
    print(a)
    a[1:2] = (i * i for i in range(4))
    print(a)
    a[-2:] = []
    print(a)
    a[Index(0) : Index(1)] = [42]
    print(a)


# fannkuch's flip: reversing a prefix in place.
def flips(perm):
    perm = perm[:]
    count = 0
    k = perm[0]
    while k:
        perm[: k + 1] = perm[k::-1]
        count += 1
        k = perm[0]
    return count, perm


# A list[float] (natively its floats may be held raw), sliced; then a
# slice stored into a copy.
def floats(n):
    xs = []
    for i in range(n):
        xs.append(i * 0.5)
    ys = xs[::-1]
    print(xs[1:4], ys, sum(xs[::2]), ys[-1] + ys[0])
    zs = list(xs)
    zs[1:3] = [9.5]
    print(zs)


reads(10)
steps_and_errors(9)
writes(8)
print(flips([3, 1, 2, 0]), flips([2, 0, 3, 1]), flips([0, 1]))
floats(6)
