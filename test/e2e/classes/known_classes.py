# RUN: %python %tools/run_e2e.py %taipan %s
# Known classes: instances of module-level classes with simple bodies are
# typed, and their method calls and operators become direct calls of the
# methods (the guards of typed parameters fall back to bytecode for other
# selves). Each case prints what Python's lookup would find.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __eq__(self, o):
        return self.x == o.x and self.y == o.y

    def __lt__(self, o):
        if not isinstance(o, Vec):
            return NotImplemented
        return self.dot(self) < o.dot(o)

    def scaled(self, k=2):
        return self * k

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)


class Other:
    def __init__(self):
        self.x = 10
        self.y = 20

    def dot(self, o):
        return "Other.dot"


class Base:
    def name(self):
        return "base"

    def twice(self):
        return self.name() + self.name()

    def __add__(self, o):
        return "Base.__add__"


class Derived(Base):
    def name(self):
        return "derived"

    def tag(self):
        return "tag"


class Shadowed:
    def m(self):
        return "class"


def use(n):
    a = Vec(1.0, 2.0)
    b = Vec(3, 4)
    s = 0.0
    for i in range(n):
        s += a.dot(b)
    c = a + b
    d = -c
    e = c * 3
    print(s, c, d, e, c == Vec(4.0, 6.0), a < b, a.scaled(), a.scaled(3))
    print(Vec.dot(Other(), b))  # a dynamic call with another self
    f = getattr(a, "dot")
    print(f(b))
    print(Base().twice(), Derived().twice())
    print(Base() + Base(), Derived().name())
    sh = Shadowed()
    print(sh.m())
    sh.m = lambda: "instance"
    print(sh.m())
    try:
        print(a < 3)
    except TypeError:
        print("TypeError")


use(5)

made = []
for i in range(2):
    class Loop:
        def __init__(self, i):
            self.i = i
        def get(self):
            return self.i * 10
    made.append(Loop(i))


def loop_get(k):
    return k.get()


for k in made:
    print(loop_get(k), k.get())


def bad(v):
    return v.dot(None)


try:
    bad(Vec(1, 2))
except AttributeError as e:
    print("AttributeError", e)


def pair_sum(pair):
    a, b = pair
    return a.dot(b)


print(pair_sum((Vec(1, 1), Vec(2, 3))))
call_later = [pair_sum]
print(call_later[0]((Other(), Vec(1, 1))))  # a tuple of other instances, dynamically


class Hooked:
    def __getattr__(self, name):
        return lambda: "hooked " + name

    def real(self):
        return "real"


def decorate(cls):
    cls.extra = lambda self: "extra"
    return cls


@decorate
class Decorated:
    def extra(self):
        return "original"


def hooks():
    h = Hooked()
    print(h.real(), h.missing())
    print(Decorated().extra())


hooks()


# Constructors: a known __init__ runs directly on a new instance.
class Checked:
    def __init__(self, n):
        if n < 0:
            raise ValueError("negative")
        self.n = n


class BadInit:
    def __init__(self):
        return 1


class NoInit:
    pass


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def total(self):
        return self.x + self.y


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def total(self):
        return Point.total(self) + self.z


class Inherits(Point):
    pass


def constructors():
    print(Checked(3).n)
    try:
        Checked(-1)
    except ValueError as e:
        print("ValueError", e)
    try:
        BadInit()
    except TypeError:
        print("TypeError from __init__'s result")
    print(type(NoInit()).__name__)
    p, q, r = Point(1, 2), Point3(1, 2, 3), Inherits(4, 5)
    print(p.total(), q.total(), r.total(), type(r).__name__)
    print([Point(i, i).total() for i in range(4)])


constructors()
