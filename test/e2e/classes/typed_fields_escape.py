# RUN: %python %tools/run_e2e.py %taipan %s
# Fields of known classes when a class escapes (is stored in a list,
# subclassed through type()): whoever holds the class can call __init__
# or its methods with anything, so the fields they store stay untyped.
class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def set_b(self, b):
        self.b = b

    def total(self):
        return self.a + self.b


def typed_use():
    p = Pair(1.0, 2.0)
    p.set_b(0.5)
    return p.total()


print(typed_use())
kinds = [Pair]
q = kinds[0]("x", "y")  # __init__ with strs
print(q.total())


def set_b_twice(self, b):
    super(Derived, self).set_b(b + b)  # Pair.set_b with a str


Derived = type("Derived", (Pair,), {"set_b": set_b_twice})
d = Derived(1.0, 2.0)
d.set_b("z")
print(d.total() if isinstance(d.b, float) else d.b)
print(typed_use())
