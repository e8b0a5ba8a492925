# RUN: %python %tools/run_e2e.py %taipan %s
# Functions whose locals or parameters nested functions share (cells) have
# direct entries too: a direct call wraps a cell parameter's argument in a
# new cell, as the VM's argument binding does. Each call must get its own
# cell, nested functions must see (and change) the caller's argument value
# through it, and the clone path must do the same.


def scaled(values, factor):
    return [v * factor for v in values]


def counter(start):
    def bump():
        nonlocal start
        start += 1
        return start

    bump()
    bump()
    return start, bump


def adders(n):
    return [lambda x, i=i: x + i * n for i in range(3)]


print(scaled([1, 2, 3], 2), scaled([1.5], 2.0), [scaled][0]((1, 2), "ab"))
value, bump = counter(10)
print(value, bump(), bump(), counter(0)[0], [counter][0](0.5)[0])
print([f(1) for f in adders(10)], [f(1) for f in [adders][0](0.5)])


def total(rows, scale):
    return sum(sum(x * scale for x in row) for row in rows)


print(total([[1, 2], [3]], 3), total([[0.5]], 2), [total][0]([[1]], True))
