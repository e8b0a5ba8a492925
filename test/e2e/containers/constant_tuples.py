# Tuples of constants are typed item by item (ints, floats, bools, None,
# strings, bytes, complex numbers, big ints, nested tuples), and so is what
# is unpacked from them, also where a loop feeds a function's result back
# into its own argument (the types settle together).
# RUN: %python %tools/run_e2e.py %taipan %s


def unpack_all(t):
    n, x, flag, nothing, s, b, z, big, (inner, more) = t
    return n + 1, x * 2, not flag, nothing is None, s + "!", b + b"?", z * 1j, big + 1, inner, more


print(unpack_all((1, 2.5, True, None, "str", b"bytes", 1 + 2j, 2**70, (-0.0, (3,)))))
print(unpack_all((-(2**62), float("inf"), False, None, "", b"", 0j, -(2**64), ("x", ()))))


def compose(a, b):
    aq, ar, as_, at = a
    bq, br, bs, bt = b
    return (aq * bq, aq * br + ar * bt, as_ * bq + at * bs, as_ * br + at * bt)


def extract(z, j):
    q, r, s, t = z
    return (q * j + r) // (s * j + t)


def pi_digits(n):
    z = (1, 0, 0, 1)
    k = 1
    digits = []
    for _ in range(n):
        y = extract(z, 3)
        while y != extract(z, 4):
            z = compose(z, (k, 4 * k + 2, 0, 2 * k + 1))
            k += 1
            y = extract(z, 3)
        z = compose((10, -10 * y, 0, 1), z)
        digits.append(y)
    return digits


print("".join(str(d) for d in pi_digits(60)))


def swaps(pair, n):
    for _ in range(n):
        a, b = pair
        pair = (b, a + b)
    return pair


print(swaps((0, 1), 100), swaps((0.5, 1), 10), swaps(("a", "b"), 4))

table = ((1, "one"), (2, "two"), (3.0, "three"))
for number, name in table:
    print(number * 2, name.upper())
print(table[1][1], table[2][0] / 2, len(table))
