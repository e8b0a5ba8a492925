# RUN: %python %tools/run_e2e.py %taipan %s
# sum() adds small ints and exact floats inline and sums bytes directly; the
# results, overflow to big ints, float rounding and order of additions with
# other types are those of the + operator applied item by item.
class Acc:
    def __init__(self, log):
        self.log = log
    def __add__(self, other):
        return Acc(self.log + [other])
print(sum(b"abc"), sum(bytearray(b"\xff" * 1000)), sum(b"", 5), sum(b"ab", 10), sum(b"ab", 0.5))
print(sum(b"ab", Acc([])).log, sum([1, 2.5, 3]), sum([0.1] * 10), sum([1.5, 2, 0.25]), sum([], -0.0))
print(sum([2**62, 2**62, 1]), sum(range(10**5)), sum([-0.0, -0.0]), sum([-0.0], -0.0), sum([1e308, 1e308]))
print(sum([True, True, 3]), sum([[1], [2]], []), sum(x * 0.5 for x in range(7)))
try:
    sum(b"ab", [])
except TypeError as e:
    print("TypeError")
try:
    sum([1, "a"])
except TypeError:
    print("TypeError 2")
