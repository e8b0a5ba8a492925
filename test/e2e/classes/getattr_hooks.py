# RUN: %python %tools/run_e2e.py %taipan %s
# __getattr__ is called only for missing attributes.
class Dyn:
    real = 'real attribute'
    def __init__(self):
        self.inst = 'instance attribute'
    def __getattr__(self, name):
        if name.startswith('x_'):
            return name[2:].upper()
        raise AttributeError(name)
d = Dyn()
print(d.real, d.inst, d.x_hello)
try:
    d.other
except AttributeError:
    print('AttributeError')
print(hasattr(d, 'x_yes'), hasattr(d, 'no'), getattr(d, 'no', 'default'))
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        print('forwarding', name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
print(p.count(1), p.index(2))
