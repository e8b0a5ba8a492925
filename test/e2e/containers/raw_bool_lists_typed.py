# RUN: %python %tools/run_e2e.py %taipan %s
# RUN: %taipan compile --emit=ir %s | FileCheck %s
# raw_bool_lists.py where only bools are ever stored, so that inference
# types the lists list[bool] and every access takes the typed paths (bools
# read and written as i1), on raw lists and on boxed ones alike.
# CHECK: function sieve (native) {{.*}} returns list[bool]
# CHECK: function count (native) {{.*}} params: flags:list[bool]
# CHECK: function count_indexed (native) {{.*}} params: flags:list[bool]
# CHECK: function flip (native) {{.*}} params: flags:list[bool]


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


def try_index(flags, i):
    try:
        flags[i]
    except IndexError as e:
        print("load", type(e).__name__)
    try:
        flags[i] = True
    except IndexError as e:
        print("store", type(e).__name__)


def index_errors(flags):
    try_index(flags, len(flags))
    try_index(flags, -len(flags) - 1)
    try_index(flags, 1000000000000000000000000000000)


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


def many_lists():
    # Raw bool lists are collected like any others.
    total = 0
    for k in range(300):
        flags = [k % 2 == 0] * 5000
        flags[k] = not flags[k]
        total += count_indexed(flags)
    print(total)


def main():
    flags = sieve(100)
    print(count(flags), count_indexed(flags), flags[:12])
    index_errors(flags)
    negative_indices()
    appends()
    generic_uses()
    repeats()
    many_lists()


main()
