# Complex numbers where inference knows the type: unboxed arithmetic with
# ints, bools, floats and other complex numbers, abs(), .real/.imag,
# equality, complex(), and the places a typed complex meets the rest
# (parameters, results, list items, fields, generators, try regions).
# RUN: %python %tools/run_e2e.py %taipan %s


def escape_time(c, limit):
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2:
            return i
    return limit


def mixed_escape(c, limit):
    # c is an int, a float or a complex: z is a complex after one step.
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2:
            return i
    return limit


def arith(a, b):
    c = complex(a, b)
    d = c * 2 - 1.5 + c / (1 + 1j)
    e = -d + (+c) - True * c
    print(c, d, e, d.real, d.imag, abs(d))
    print(c == d, c != d, c == complex(a, b), c != complex(a, b), bool(c), bool(0j))
    print(1 - c, 2.5 * c, c * False, 3 + c, c - 0.25)
    return d


def compare_with_ints(x):
    z = complex(x, 0)
    w = complex(x, 1)
    # Python compares a complex with an int exactly.
    return z == 2**53 + 1, w == 2**53 + 1, z != x, z == x


def constructors(x, y):
    n = len(str(y))
    return complex(), complex(x), complex(x, y), complex(True, n), complex(n, -0.0), complex(-0.0, 0), complex(y)


def rotate_all(points, w):
    out = []
    for p in points:
        out.append(p * w)
    return out


class Phasor:
    def __init__(self, re, im):
        self.value = complex(re, im)

    def turn(self, times):
        for _ in range(times):
            self.value = self.value * 1j
        return self.value


def partial_sums(values):
    total = 0j
    for v in values:
        total = total + v
        yield total


def safe_divide(a, b):
    try:
        q = a / b
    except ZeroDivisionError:
        q = complex(-1, -1)
    return q


def kept_across_raise(a, b):
    # A complex local stored in a try region and read in its handler.
    z = complex(a, b)
    try:
        z = z * 2
        z = z / complex(b - b, 0)
    except ZeroDivisionError:
        z = z + 1
    return z


def halved_on_error(n):
    total = 0j
    for k in range(n):
        try:
            total = total + complex(k, 1.0)
            if k == 3:
                raise ValueError(total)
        except ValueError:
            total = total * 0.5
    return total


def overflow(x):
    try:
        return abs(complex(x, x))
    except OverflowError:
        return "OverflowError"


def big_part(n):
    try:
        return complex(n, 1)
    except OverflowError:
        return "OverflowError"


def escape_sum():
    total = 0
    for x in range(-16, 8):
        for y in range(-10, 10):
            total += escape_time(complex(x / 8, y / 8), 24)
    return total


print(escape_sum())
print(arith(0.5, -1.25))
print(arith(3.0, 4.5))
print(compare_with_ints(2**53 + 1), compare_with_ints(7))
print(constructors(1.5, -2.0), constructors(2.0, 3.25))
print(rotate_all([1 + 2j, -3j, 0.5 + 0j], complex(0, 1)))
print(Phasor(1.0, 2.0).turn(3))
print(list(partial_sums([1j, 2, 3 + 4j])))
print(safe_divide(1 + 1j, 0j), safe_divide(1 + 1j, 2 - 1j), safe_divide(4j, 2))
print(overflow(1.7e308), overflow(1.0))
print(kept_across_raise(1.5, 2.5), halved_on_error(6))
print(big_part(10**400), big_part(5))
print(escape_time(complex(2, 0), 5), escape_time(complex(0.25), 5))
print(mixed_escape(2, 5), mixed_escape(0.25, 5), mixed_escape(0.25j, 5))
