# RUN: %python %tools/run_e2e.py %taipan %s
# Fields of known classes: an attribute the class does not bind is typed
# by what the program stores into it, as long as every store that can run
# is seen with its value's type. Each case below stores something else
# through a path the compiler cannot follow (a bound method, a keyword
# call, super(), a receiver of unknown type, del, a class attribute) and
# prints what Python computes, which a wrongly typed load would not.
class Vec:
    __slots__ = ("x", "y")  # an ordinary class attribute, as in MicroPython

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    def scale(self, k):
        self.x *= k
        self.y *= k


class Box:
    default = 1.5

    def __init__(self, a):
        self.a = a
        self.b = 0.5
        self.c = 2.0
        self.d = 3.0
        self.e = 4.0

    def set_a(self, v):
        self.a = v

    def set_c(self, v):
        self.c = v

    def grow(self):
        self.default = self.default * 2
        return self.default

    def total(self):
        return self.a * 2 + self.b


class Base:
    def __init__(self, w):
        self.w = w

    def set_w(self, w):
        self.w = w


class Sub(Base):
    def __init__(self, w, tag):
        super().__init__(w)
        self.tag = tag

    def twice_tag(self):
        return self.tag * 2 + self.w * 2


def based():
    b = Base(1.0)
    b.set_w(2.0)
    s = Sub("x", "yz")
    s.set_w("ab")  # Base's methods also run with Sub instances
    print(b.w * 2, s.twice_tag())


class Chain:
    def __init__(self):
        self.v = 0.5

    def outer(self, k):
        self.inner(k)  # a direct call, but made dynamically by outer's bytecode

    def inner(self, k):
        self.v = k

    def double(self):
        return self.v * 2


def chained():
    c = Chain()
    c.outer(1.5)
    print(c.double())
    run = c.outer  # outer may run its bytecode, with a str
    run("s")
    print(c.double())


def vectors(n):
    s = 0.0
    v = Vec(1.0, 2.0)
    for i in range(n):
        w = Vec(0.5 * i, 1.5)
        w.scale(2.0)
        s += v.dot(w)
    return s, v.x, v.y


def boxes():
    b = Box(1.0)
    b.set_a(2.5)
    print(b.total())
    setter = b.set_a  # a bound method: set_a may run with anything
    setter("ab")
    print(b.total() if isinstance(b.a, float) else b.a * 2)
    b.set_c(1.0)
    b.set_c(v="text")  # a keyword call is no direct call
    print(b.c + "!")
    print(b.grow(), b.grow(), Box(0.0).default)
    things = [b, "not a box"]
    for t in things:
        try:
            t.d = [t]  # receiver of unknown type
        except AttributeError:
            print("no attribute d on str")
    print(len(b.d))
    del b.e
    try:
        print(b.e)
    except AttributeError:
        print("e deleted")
    print(b.b * 2)


def missing():
    v = Vec(1.0, 1.0)
    try:
        return v.z
    except AttributeError:
        return "no z"


print(vectors(5))
boxes()
based()
chained()
print(missing())
