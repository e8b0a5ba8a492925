from __future__ import annotations
import os, sys as system
from . import sibling
from ..pkg.mod import (a, b as c,)
global g
x = y = 1
x += 2; x //= 3; x **= 2; x @= m; x >>= 1
a, *b, c = range(10)
[d, e] = f, g = 1, 2
del x, y[0], z.attr
assert x, "message"
raise ValueError("bad") from None
if a: pass
elif b: pass
else: pass
while x:
    break
else:
    pass
for i, (j, k) in enumerate(pairs):
    continue
try:
    pass
except (A, B) as e:
    pass
except C:
    pass
else:
    pass
finally:
    pass
try:
    pass
except* Group as g:
    pass
with open(p) as f, lock:
    pass
with (open(p) as f, open(q) as g,):
    pass
