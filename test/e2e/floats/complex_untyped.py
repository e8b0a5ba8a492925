# RUN: %python %tools/run_e2e.py %taipan %s
# Complex arithmetic on untyped values (a list of mixed items, parameters
# reached with several types): +, -, * of an exact complex with an exact
# complex or float take a fast path in the generic operator; everything
# else (ints, a complex subclass, division, a float on the left) the
# types' own.
# Signed zeros, infinities and NaNs come out as CPython's.


class Spin(complex):
    def __add__(self, other):
        return "Spin.__add__"


inf = float("inf")
nan = float("nan")
values = [1 + 2j, complex(-0.0, 0.0), complex(1.5, -0.0), complex(-0.0, -0.0), 0.5, -0.0, 3, complex(inf, 1), complex(1, nan), inf, Spin(1, 1), True]


def combine(a, b):
    out = []
    for op in range(5):
        try:
            if op == 0:
                out.append(a + b)
            elif op == 1:
                out.append(a - b)
            elif op == 2:
                out.append(a * b)
            elif op == 3:
                out.append(a / b)
            else:
                c = a
                c *= b
                c -= a
                out.append(c)
        except (ZeroDivisionError, TypeError) as e:
            out.append(type(e).__name__)
    return out


for a in values:
    for b in values:
        print(repr(a), repr(b), combine(a, b))

# A list of untyped complexes, transformed in place.
data = [complex(i, -i) for i in range(6)] + [0.25]
for i in range(len(data) - 1):
    t = data[i + 1] * data[i]
    data[i] = data[i] - t
    data[i + 1] += t
print(data)
