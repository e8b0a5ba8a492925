# RUN: %python %tools/run_e2e.py %taipan %s
# Adding methods and attributes to classes after definition.
class Open:
    pass
def greet(self):
    return 'hello from ' + self.name
Open.greet = greet
o = Open()
o.name = 'instance'
print(o.greet())
Open.shared = []
a, b = Open(), Open()
a.shared.append(1)
print(b.shared, a.shared is b.shared)
b.shared = ['own']
print(a.shared, b.shared)
print(hasattr(Open, 'greet'), getattr(Open, 'missing', None))
