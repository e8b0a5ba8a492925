# RUN: %python %tools/run_e2e.py %taipan %s
# Lists of floats that native code keeps unboxed (list[float] made from float
# literals or [f] * n): typed stores, loads and loops, and what happens when
# the same lists reach generic code (print, sum, sorted, methods, in, ==) in
# the middle of being used, after which they must still work both ways.


def fill(n):
    v = [0.0] * n
    for i in range(n):
        v[i] = i * 0.5
    return v


def scale(v, k):
    for i in range(len(v)):
        v[i] *= k


def total(v):
    s = 0.0
    for x in v:
        s += x
    return s


def nested():
    rows = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    for r in rows:
        r[0] -= 0.5
        r[2] += r[1] * 2.0
    rows[1][1] = -rows[0][1]
    print(rows)
    return rows[1][2] + rows[0][0]


def appends():
    v = [1.0]
    for i in range(50):
        v.append(i / 4.0)
    print(len(v), v[-1], v[0], total(v))
    v.pop()
    v.insert(0, 9.5)
    v.extend([7.0, 8.0])
    v.reverse()
    print(len(v), v[0], v[1], v[-1], total(v))
    v[3] = 0.125
    v.sort()
    print(v[0], v[1], v[2], v.index(0.125), v.count(8.0))
    v.remove(0.125)
    v.clear()
    v.append(2.5)
    print(v)


def generic_in_the_middle():
    v = [0.25, 0.5, 0.75]
    scale(v, 2.0)
    print(v, sum(v), min(v), max(v), sorted(v))
    scale(v, 2.0)  # now boxed by the generic uses above
    v[0] = -v[0]
    print(v, 3.0 in v, 4.0 in v, v == [-1.0, 2.0, 3.0], v < [0.0], tuple(v))
    w = [1.5] * 3
    for i, x in enumerate(w):
        w[i] = x + i
    print(w, list(reversed(w)), [x * 2.0 for x in w])


def print_while_iterating():
    v = [1.0, 2.0, 3.0]
    s = 0.0
    for x in v:
        s += x
        if x == 2.0:
            print("mid", v)  # boxes the list the loop is walking
            v.append(10.0)
    print(s, v)


def special_values():
    inf = float("inf")
    v = [inf, -inf, -0.0, 1e-310, 1.7976931348623157e308]
    v[1] = v[1] * 2.0
    v[2] = v[2] * 1.0
    print(v, v[3] * 2.0, -v[4])
    n = [0.0] * 2
    n[0] = inf - inf
    print(n[0] != n[0], n[1])


def index_errors():
    v = [1.0, 2.0]
    for i in [1, -1, -2, 2, -3]:
        try:
            v[i] = v[i] + 1.0
            print("ok", i, v)
        except IndexError as e:
            print("IndexError", i, e)


def grid(n):
    g = [[0.0] * n for _ in range(n)]
    for i in range(n):
        row = g[i]
        for j in range(n):
            row[j] = i + j * 0.5
    return g


def main():
    v = fill(6)
    scale(v, 3.0)
    print(v[0], v[5], total(v), len(v))
    print(nested())
    appends()
    generic_in_the_middle()
    print_while_iterating()
    special_values()
    index_errors()
    g = grid(3)
    print(g, sum(g[2]))


main()
