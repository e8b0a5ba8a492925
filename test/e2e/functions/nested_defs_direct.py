# RUN: %python %tools/run_e2e.py %taipan %s
# Functions that define nested functions (without free variables) have
# direct entries too: the native code makes the nested function from the
# module's table of raw codes, whether the outer function was called
# directly, through its entry, or as its generic clone.


def outer(n):
    def square(x):
        return x * x

    add = lambda y, k=n: y + k
    total = 0
    for i in range(n):
        total += square(i)
    return add(total), square, add


r, square, add = outer(4)
print(r, square(5), add(1), add(1, 2), square.__name__)
print([outer][0](3)[0], outer(True)[0])
try:
    outer("x")
except TypeError:
    print("TypeError")


class Shape:
    def __init__(self, sides):
        self.sides = sides

    def describe(self, scale):
        def fmt(v):
            return "%d sides x %s" % (self.sides if False else v, scale)

        return fmt(self.sides)


print(Shape(3).describe(2), Shape(4).describe(0.5))


def make_adders(count):
    adders = []
    for i in range(count):
        adders.append(lambda x, i=i: x + i)
    return adders


print([f(10) for f in make_adders(4)])


def nested_twice(k):
    def middle(a):
        def inner(b):
            return b * 2

        return inner(a) + 1

    return middle(k)


print(nested_twice(5), [nested_twice][0](2.5))
