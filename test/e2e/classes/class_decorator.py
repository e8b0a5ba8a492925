# RUN: %python %tools/run_e2e.py %taipan %s
# Class decorators.
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls
def add_method(cls):
    cls.extra = lambda self: 'extra on ' + type(self).__name__
    return cls
@register
@add_method
class Widget:
    pass
@register
class Gadget:
    pass
print(sorted(registry), Widget().extra(), registry['Widget'] is Widget)
