# RUN: %python %tools/run_e2e.py %taipan %s
# Special methods are inherited and can be overridden.
class Base:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return type(self)(self.v + o.v)
    def __repr__(self):
        return '%s(%d)' % (type(self).__name__, self.v)
    def __len__(self):
        return self.v
class Child(Base):
    def __repr__(self):
        return 'Child<' + str(self.v) + '>'
print(Base(1) + Base(2), Child(3) + Child(4), len(Child(5)))
class Grand(Child):
    def __add__(self, o):
        return 'Grand add'
print(Grand(1) + Grand(2), Grand(7))
