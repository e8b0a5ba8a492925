# RUN: %python %tools/run_e2e.py %taipan %s
# len of every builtin container and conversions between them.
print(len('abc'), len(b'ab'), len([1]), len((1, 2, 3)), len({1: 2}), len({1, 2}), len(range(7)), len(bytearray(3)))
print(list((1, 2)), tuple([1, 2]), sorted(set([3, 3, 1])), sorted(dict([(1, 'a')]).items()))
print(list({'a': 1}.keys()), list({'a': 1}.values()), list({'a': 1}.items()))
print(str([1, 2]), list(str(12)), tuple('hi'))


# Through untyped values: exact lists and tuples (a raw float list too) take
# a fast path, subclasses their own __len__.
class Counted(list):
    def __len__(self):
        return 42


class Pair(tuple):
    pass


def length(x):
    return len(x)


floats = [0.5] * 3
floats.append(1.5)
for value in ([], [1, 2], (), (1,), floats, Counted([1]), Pair((1, 2)), "xyz", {3: 4}, bytearray(2)):
    print(length(value), end=" ")
print()
