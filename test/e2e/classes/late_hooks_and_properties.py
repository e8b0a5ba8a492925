# RUN: %python %tools/run_e2e.py %taipan %s
# Attribute lookup shortcuts (an instance's own dict first while no property
# exists; no __setattr__ search while no class defines one) must give way as
# soon as a program adds a property or a hook, even to a class whose
# instances already have attributes of the same name.
class Plain:
    def method(self):
        return "class method"


p = Plain()
p.x = 1
p.method = lambda: "instance attribute"
print(p.x, p.method())
del p.method
print(p.method())

# A __setattr__ added to an existing class after instances were made.
def doubling_setattr(self, name, value):
    object.__setattr__(self, name, value * 2)


p.y = 5
Plain.__setattr__ = doubling_setattr
p.z = 5
print(p.y, p.z)
del Plain.__setattr__
p.w = 5
print(p.w)

# A __delattr__ put into a class's namespace through type().
def noisy_delattr(self, name):
    print("deleting", name)
    object.__delattr__(self, name)


Noisy = type("Noisy", (), {"__delattr__": noisy_delattr})
n = Noisy()
n.a = 1
del n.a
print(hasattr(n, "a"))

# The first property of the program, on a class whose instance already has
# an attribute of that name: the property (a data descriptor) wins.
class Late:
    pass


late = Late()
late.value = "instance"
print(late.value)
Late.value = property(lambda self: "property")
print(late.value)
try:
    late.value = "again"
except AttributeError:
    print("read-only property")
print(late.__dict__["value"])
