# RUN: %python %tools/run_e2e.py %taipan %s
# enumerate, zip, map and filter can be subclassed: the instances iterate
# as the builtin does and carry the class's own methods and attributes.


class MyMap(map):
    pass


class Numbered(enumerate):
    def __init__(self, it, start=0):
        self.label = "numbered"


class Evens(filter):
    def describe(self):
        return "evens"


class Pairs(zip):
    pass


m = MyMap(lambda x: x + 10, range(4))
print(list(m), isinstance(m, map), type(m).__name__)
n = Numbered("abc", 1)
print(n.label, list(n))
e = Evens(lambda x: x % 2 == 0, range(7))
print(e.describe(), list(e))
p = Pairs([1, 2], "xy")
print(list(p), next(Pairs([3], [4])))
for i, ch in Numbered("hi"):
    print(i, ch)
