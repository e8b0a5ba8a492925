# RUN: %python %tools/run_e2e.py %taipan %s
# Default equality is identity; instances are distinct objects.
class P:
    pass
a = P()
b = P()
c = a
print(a is c, a is b, a == c, a == b, a != b)
items = [a, b]
print(items.index(b), a in items, P() in items)
print(type(a) is type(b), type(a) is P, isinstance(a, object))
