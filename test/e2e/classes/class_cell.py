# RUN: %python %tools/run_e2e.py %taipan %s
# __class__ inside methods refers to the defining class.
class Base:
    def cls_name(self):
        return __class__.__name__
    def real_type(self):
        return type(self).__name__
class Sub(Base):
    def sub_cls(self):
        return __class__.__name__
s = Sub()
print(s.cls_name(), s.real_type(), s.sub_cls())
class Counter:
    made = 0
    def __init__(self):
        __class__.made += 1
Counter(); Counter()
print(Counter.made)
