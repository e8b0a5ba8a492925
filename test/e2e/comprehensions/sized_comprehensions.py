# RUN: %python %tools/run_e2e.py %taipan %s
# Comprehensions over sized iterables make room for their items first (a
# hint to the runtime): the results must be exactly the same as without.
# (Sets are printed sorted: their order is not CPython's.)


def over(items):
    return (
        [x for x in items],
        sorted({x for x in items}),
        {x: i for i, x in enumerate(items)},
        sorted(set(str(x) for x in items)),
        tuple(x for x in items),
    )


for items in ([3, 1, 2, 3], (5, 5), "abca", b"xy", range(4), range(10, 0, -3), {7: 0, 8: 1}, {9}, [], ()):
    print(over(items))

# From a generator (no length) and from a range() call, counting up and down.
print([x * x for x in (y for y in range(5))])
for n in (-2, 0, 1, 7):
    print(n, [i for i in range(n)], sorted({i % 3 for i in range(2, n)}), [i for i in range(n, -1, -2)])

# A comprehension that ends early by an exception: the room it made for a
# long loop is not a list of that length.
try:
    result = [1 // (5 - i) for i in range(10**9)]
except ZeroDivisionError:
    print("stopped")
big = [i for i in range(100000)]
print(len(big), big[-1])
# The collection grows past what was reserved (the loop variable's iterable
# grows while the comprehension runs).
grow = [1, 2]
seen = [grow.append(x) or x for x in grow if len(grow) < 6]
print(seen, grow)
