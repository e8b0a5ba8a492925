# Loops whose first iteration the native compiler peels (a local set to a
# constant before the loop and to something else inside it): the peeled
# copy and the loop must together run exactly the iterations Python runs,
# whatever the trip count, wherever the loop is left.
# RUN: %python %tools/run_e2e.py %taipan %s


def escape(c, limit):
    z = 0
    for i in range(limit):
        z = z * z + c
        if abs(z) > 4:
            return i
    return -1


def first_match(values, target):
    found = None
    index = 0
    while index < len(values):
        found = values[index]
        if found == target:
            return index, found
        index = index + 1
    return -1, found


def halve_until(x, floor):
    steps = 0
    while x > floor:
        x = x / 2
        steps = steps + 1
    return steps, x


def scaled(n):
    total = 0
    for k in range(n):
        total = total * 0.5 + k
    return total


def counters(n):
    count = 0
    out = []
    for k in range(n):
        count = count + 1.5
        out.append(count)
    return out


print([escape(complex(x / 4, 0.5), 10) for x in range(-8, 4)])
print(escape(0.1, 0), escape(0.1, 1), escape(3, 5), escape(1j, 6), escape(2.5, 3))
print(first_match([3, 1, 4, 1, 5], 4), first_match([], 7), first_match([2.5, "x"], "x"), first_match([9], 8))
print(halve_until(100, 1), halve_until(0.5, 1), halve_until(7, 3.5))
print(scaled(0), scaled(1), scaled(5))
print(counters(0), counters(3))
