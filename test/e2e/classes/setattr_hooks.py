# RUN: %python %tools/run_e2e.py %taipan %s
# __setattr__ and __delattr__ intercept assignments.
class Logged:
    def __setattr__(self, name, value):
        print('set', name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print('del', name)
        object.__delattr__(self, name)
l = Logged()
l.a = 1
l.b = 'two'
print(l.a, l.b)
del l.a
print(hasattr(l, 'a'))
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, 'v', v)
    def __setattr__(self, name, value):
        raise AttributeError('frozen')
f = Frozen(3)
try:
    f.v = 4
except AttributeError:
    print('cannot set', f.v)
