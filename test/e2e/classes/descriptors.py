# RUN: %python %tools/run_e2e.py %taipan %s
# Instances of classes with __get__, __set__ or __delete__ are descriptors
# when they are class attributes: a data descriptor (__set__ or __delete__)
# comes before the instance's own attribute, a plain one (__get__ only)
# after it; loading from the class calls __get__(None, cls).


class Logged:
    def __init__(self, default):
        self.default = default
        self.name = None

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, cls):
        if obj is None:
            return "class access " + cls.__name__
        return obj.__dict__.get("_" + self.name, self.default)

    def __set__(self, obj, value):
        print("set", self.name, value)
        obj.__dict__["_" + self.name] = value

    def __delete__(self, obj):
        print("delete", self.name)
        obj.__dict__.pop("_" + self.name, None)


class Lazy:
    def __get__(self, obj, cls):
        return 42


class Point:
    x = Logged(0)
    y = Logged(-1)
    answer = Lazy()

    def norm1(self):
        return abs(self.x) + abs(self.y)


p = Point()
print(p.x, p.y, p.answer, Point.x)
p.x = 3
p.y = -4
print(p.x, p.y, p.norm1())
del p.x
print(p.x, p.norm1())
p.answer = 7  # a plain descriptor: the instance attribute wins
print(p.answer, Point.answer)
total = 0
for i in range(50):  # the same sites again and again (attribute caches)
    p.y = i
    total += p.y + p.answer
print(total)
q = Point()
print(q.x, q.answer, getattr(q, "y"), hasattr(q, "answer"))
