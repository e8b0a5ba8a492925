# abs(z) of a typed complex compared with a constant is decided from the
# squared parts when they are clearly above or below the constant squared,
# and from abs(z) itself otherwise: at the boundary, for NaN and infinite
# parts, tiny parts, and parts whose abs overflows (OverflowError).
# RUN: %python %tools/run_e2e.py %taipan %s


def escape_time(c):
    z = 0j
    for i in range(50):
        z = z * z + c
        if abs(z) > 2:
            return i
    return -1


def compare_all(z):
    try:
        return [abs(z) < 5, abs(z) <= 5, abs(z) == 5, abs(z) != 5, abs(z) > 5, abs(z) >= 5]
    except OverflowError:
        return "OverflowError"


def compare_left(z):
    try:
        return [5.0 < abs(z), 5.0 >= abs(z), 0 < abs(z), 0 == abs(z)]
    except OverflowError:
        return "OverflowError"


def compare_tiny(z):
    try:
        return [abs(z) > 0, abs(z) < 1e-300, abs(z) == 0.0, abs(z) < 2.6e-162]
    except OverflowError:
        return "OverflowError"


def escapes(z):
    try:
        return abs(z) > 1
    except OverflowError:
        return "OverflowError"


rows = []
for y in range(-6, 7):
    rows.append("".join("*" if escape_time(complex(x / 8, y / 5)) < 0 else "." for x in range(-16, 5)))
print("\n".join(rows))
inf = float("inf")
nan = float("nan")


def show(z):
    # Every call passes a complex: z is typed complex here.
    print(z, compare_all(z), compare_left(z), compare_tiny(z), escapes(z))


show(3 + 4j)
show(-3 - 4j)
show(complex(3.0000000000000004, 4))
show(complex(3, 3.9999999999999996))
show(5j)
show(0j)
show(-0.0 + 0j)
show(complex(1e-200, 1e-200))
show(complex(5e-324, 0))
show(complex(0, 1e-320))
show(complex(1e-170, 1e-170))
show(complex(3e-162, 4e-162))
show(complex(inf, 0))
show(complex(0, -inf))
show(complex(nan, 1))
show(complex(1, nan))
show(complex(inf, nan))
show(complex(1e308, 1e308))
show(complex(1.5e308, 1.5e308))
show(complex(2.5e-162, 0))
show(complex(2.75e-162, 0))
show(complex(1e200, 0))
show(complex(0.5, 0.5))
