# RUN: %python %tools/run_e2e.py %taipan %s
# Attribute lookup order: instance, class, base classes; shadowing methods.
class Base:
    x = 'base x'
    def m(self):
        return 'base m'
class Sub(Base):
    y = 'sub y'
s = Sub()
print(s.x, s.y, s.m())
s.m = lambda: 'instance m'
print(s.m(), Sub().m())
Base.x = 'changed base x'
print(s.x, Sub.x)
Sub.x = 'sub x'
print(s.x, Base.x)
del Sub.x
print(s.x)
