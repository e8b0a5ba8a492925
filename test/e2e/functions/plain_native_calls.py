# RUN: %python %tools/run_e2e.py %taipan %s
# Calls through the runtime (a function in a variable, methods, __init__,
# operators' methods) that pass exactly the parameters bind them straight
# into the native frame; everything else binds generically. Both must give
# the same results, and the bytecode the native entry falls back to (an
# argument of another type than inferred) must start with unbound locals.


def scaled(x, factor=2):
    total = x * factor
    return total


def late_local(n):
    if n > 100:
        later = n
    try:
        return later
    except NameError:
        return "unbound"


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


def apply(f, *args):
    return f(*args)


print(late_local(5), late_local(500))  # direct calls: n is inferred an int
calls = [scaled, late_local]
for f in calls:
    print(f(3))  # exact for late_local; scaled's default filled generically
print(calls[0](3, 5), calls[0](1.5, 2), calls[0]("ab", 3))
print(calls[1](1000), calls[1](2.5), calls[1](200.5))
p = Point(1, 2)
print(p.moved(1), p.moved(1, 1), p.moved(dx=3), p + Point(10, 20))
print(apply(scaled, 7, 3), apply(late_local, 7), apply(Point, 0.5, "y"))
m = p.moved
print(m(5, 5), [m(i, i) for i in range(3)])
try:
    scaled()
except TypeError:
    print("TypeError for too few")
try:
    calls[0](1, 2, 3)
except TypeError:
    print("TypeError for too many")
try:
    p.moved(1, 2, 3)
except TypeError:
    print("TypeError for too many (method)")
