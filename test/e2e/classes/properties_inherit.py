# RUN: %python %tools/run_e2e.py %taipan %s
# Properties are inherited and can be overridden in subclasses.
class Base:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @property
    def doubled(self):
        return self.v * 2
class Sub(Base):
    @property
    def v(self):
        return 100
b, s = Base(), Sub()
print(b.v, b.doubled, s.v, s.doubled)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return 42
l = Lazy()
print(l.value, l.value, l.computed)
