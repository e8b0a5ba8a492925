# RUN: %python %tools/run_e2e.py %taipan %s
# `x in list` through untyped values: different small ints and different
# qstrs differ without __eq__; anything else asks it (True == 1, 1.0 == 1,
# equal heap strs, a class's __eq__), and an object finds itself.


class Any:
    def __eq__(self, other):
        return other == 7


def has(items, x):
    return x in items


words = "alpha beta".split()
cases = [
    ([1, 2, 3], 2), ([1, 2, 3], 4), ([True], 1), ([0], False), ([1.0, 2.5], 1), ([2], 2.0),
    (["a", "b"], "b"), (words, "beta"), (words, "gamma"), ([Any()], 7), ([Any()], 8),
    ([], 1), ([None, 1], None), ([(1, 2)], (1, 2)), ([10**20], 10**20),
]
same = Any()
cases.append(([same], same))
print([has(items, x) for items, x in cases])
