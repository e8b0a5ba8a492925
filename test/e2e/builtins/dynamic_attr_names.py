# getattr/setattr/hasattr with names computed at run time, on the kinds of
# instances whose own attributes the runtime reads and writes directly
# (OwnAttributeFirst / OwnAttributeToStore) and on those it must not: a
# known class's layout slots, dict attributes, a name moved out of the
# layout, __setattr__ and __getattr__ hooks, a builtin base, __class__ and
# __dict__, and everything again once a property exists.
# RUN: %python %tools/run_e2e.py %taipan %s


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Logged:
    def __init__(self):
        self.seen = []

    def __setattr__(self, name, value):
        if name != "seen":
            self.seen.append(name)
        object.__setattr__(self, name, value)


class Fallback:
    def __getattr__(self, name):
        return "fallback " + name


class Items(list):
    pass


names = ["x", "y", "z", "x"]
p = Point(1, 2)
for name in names:
    setattr(p, name, getattr(p, name, 0) + 10)
print(p.x, p.y, p.z, hasattr(p, "z"), getattr(p, "w", None))
del p.x
print(hasattr(p, "x"), getattr(p, "x", "gone"))
setattr(p, "x", 5)
print(getattr(p, "x"), p.x)

log = Logged()
for name in names:
    setattr(log, name, getattr(log, name, 0) + 1)
print(log.seen, log.x, log.z)

fb = Fallback()
setattr(fb, "a", 1)
print(getattr(fb, "a"), getattr(fb, "b"), getattr(fb, "c", "default"))

items = Items([1])
setattr(items, "tag", "t")
print(getattr(items, "tag"), getattr(items, "append") is not None, len(items))

print(getattr(p, "__class__") is Point, sorted(getattr(p, "__dict__")))
try:
    getattr(p, 5)
except TypeError as e:
    print("TypeError")


class WithProperty:
    def __init__(self):
        self._v = 1

    @property
    def v(self):
        return self._v * 100

    @v.setter
    def v(self, value):
        self._v = value


w = WithProperty()
w.__dict__["v"] = "shadowed?"
for name in ("v", "_v"):
    print(name, getattr(w, name))
setattr(w, "v", 7)
print(getattr(w, "v"), w._v, getattr(p, "y"))
setattr(p, "y", -1)
print(p.y)
