# RUN: %python %tools/run_e2e.py %taipan %s
# Attribute caches of native code on modules: globals read, called, stored
# and deleted through mod.name, and changed by the module itself.
import Inputs.attr_cache_mod as mod
import math


def read(m):
    return (m.counter, m.label)


def call(m, n):
    return (m.bump(n), m.name())


def write(m, value):
    m.label = value


for i in range(3):
    print('read', read(mod), call(mod, i))
write(mod, 'second')
write(mod, 'third')
print('written', read(mod), mod.name())
mod.bump = lambda n: 'replaced bump %d' % n
print('replaced', call(mod, 1), call(mod, 2))
del mod.bump
try:
    call(mod, 3)
except AttributeError:
    print('deleted: AttributeError')
for i in range(40):
    setattr(mod, 'g%d' % i, i)
print('grown', read(mod), call(mod, 4) if hasattr(mod, 'bump') else 'no bump', mod.g39)
print('math', [math.floor(x) for x in (1.5, 2.5)], [math.pi > 3 for _ in range(2)])
