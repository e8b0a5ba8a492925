# RUN: %python %tools/run_e2e.py %taipan %s
# Lists of bools that native code keeps one byte per item (list[bool] made
# from bool literals or [b] * n): typed stores, loads and loops, and what
# happens when the same lists reach generic code (print, sum, slices,
# methods, in, ==) or get a non-bool item in the middle of being used,
# after which they must still work both ways.


def sieve(limit):
    flags = [True] * limit
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i < limit:
        if flags[i]:
            for j in range(i * i, limit, i):
                flags[j] = False
        i += 1
    return flags


def count(flags):
    n = 0
    for f in flags:
        if f:
            n += 1
    return n


def count_indexed(flags):
    n = 0
    for i in range(len(flags)):
        if flags[i]:
            n += 1
    return n


def flip(flags):
    for i in range(len(flags)):
        flags[i] = not flags[i]


def store_anything(v, i, x):
    v[i] = x  # untyped: may put a non-bool into a list of bools


def index_errors(flags):
    for i in (len(flags), -len(flags) - 1, 10**30):
        try:
            flags[i]
        except IndexError as e:
            print("load", type(e).__name__)
        try:
            flags[i] = True
        except IndexError as e:
            print("store", type(e).__name__)


def negative_indices():
    flags = [False, True, False, True]
    print(flags[-1], flags[-2], flags[-4])
    flags[-1] = False
    flags[-4] = True
    print(flags)


def appends():
    v = [False]
    for i in range(40):
        v.append(i % 3 == 0)
    print(len(v), count(v), v[-1], v[-2], v[0])
    v.pop()
    v.insert(0, True)
    v.extend([True, True])
    v.reverse()
    print(len(v), count(v), v[0], v[-1], v.index(False), v.count(True))
    v.remove(True)
    v.clear()
    v.append(True)
    print(v)


def generic_uses():
    flags = sieve(50)
    print(count(flags), count_indexed(flags))
    print(sum(flags), any(flags), all(flags), True in flags, flags.count(True))
    print(flags[:10], flags[45:], flags[::7])
    print(flags == sieve(50), flags != [True] * 50, sorted(flags[:8]))
    print(list(flags)[:5], tuple(flags[2:6]), len(flags), bool(flags))
    flip(flags)
    print(count(flags), count_indexed(flags), flags[:6])


def mixed_items():
    flags = [True] * 8
    store_anything(flags, 3, 7)
    store_anything(flags, 5, None)
    print(flags, count_indexed(flags))
    flags[3] = False
    print(flags[3], flags[5], flags)
    other = [False] * 4
    store_anything(other, 0, 2.5)
    print(other)


def repeats():
    a = [True, False]
    b = a * 3
    print(b, len(b))
    b *= 2
    print(b, len(b), count(b))
    c = [False] * 5
    c *= 0
    print(c, len(c))
    c.append(True)
    print(c)
    d = a + [True] * 3
    print(d, count_indexed(d))


def comprehension_lists():
    # Built by appends to an empty list: boxed, read through the same code.
    evens = [i % 2 == 0 for i in range(10)]
    print(evens, count(evens), count_indexed(evens))
    flip(evens)
    print(evens)


def many_lists():
    # Raw bool lists are collected like any others.
    total = 0
    for k in range(300):
        flags = [k % 2 == 0] * 5000
        flags[k] = not flags[k]
        total += count_indexed(flags)
    print(total)


flags = sieve(100)
print(count(flags), count_indexed(flags), [i for i in range(100) if flags[i]][:12])
index_errors(flags)
negative_indices()
appends()
generic_uses()
mixed_items()
repeats()
comprehension_lists()
many_lists()
