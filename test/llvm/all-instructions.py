# Every instruction kind of ir/instructions.def lowers, for every target,
# at every optimisation level, with and without debug info. The IR checks
# keep this program covering all of them (import.star: import-star.py).
# RUN: %taipan compile --emit=ir %s | FileCheck %s --check-prefix=IR
# RUN: %taipan compile --emit=llvm -O0 %s -o %t.x64.O0.ll
# RUN: %taipan compile --emit=obj -O2 -g %s -o %t.x64.o
# RUN: %taipan compile --emit=obj -Os -march=armv6m %s -o %t.armv6m.o
# RUN: %taipan compile --emit=obj -O0 -g -march=armv7m %s -o %t.armv7m.o
# RUN: %taipan compile --emit=obj -O3 -march=armv7emsp %s -o %t.armv7emsp.o
# RUN: %taipan compile --emit=obj -O1 -march=armv7emdp %s -o %t.armv7emdp.o
# RUN: %taipan compile --emit=obj -O2 -g -march=xtensa %s -o %t.xtensa.o
# RUN: %taipan compile --emit=obj -O0 -march=xtensawin %s -o %t.xtensawin.o
# RUN: %taipan compile --emit=obj -Os -g -march=xtensawin %s -o %t.xtensawin-g.o
# RUN: llvm-readelf -s %t.xtensa.o %t.xtensawin-g.o %t.armv6m.o | FileCheck %s --check-prefix=SYMS

import math
from math import sqrt

G = 10
BIG = 123456789012345678901234567890

def plain(a, b):
    return a + b

def closure(a, *args, k=3, **kw):
    b = [1, 2, 3]
    c = (a, b)
    d = {a: b, 'x': 1}
    e = {1, 2}
    f = b[1:2]
    def inner(x=1):
        nonlocal a
        a = a + x
        return a + G
    def forget():
        nonlocal a
        del a
    del d['x']
    b[0] = 5
    x, *y = b
    p, q = c
    s = f"{a!r:>3}"
    lam = lambda z: z * 2
    g = [i * i for i in b if i]
    h = {i: i for i in b}
    t = {i for i in b}
    u = (*b, 1)
    obj = math.pi
    obj2 = math.floor(obj)
    r = inner(*args, **kw)
    ok = True
    for i in range(k):
        ok = ok and plain(i, 1) > 0
    ok = ok and len(b) > 0
    return inner, forget, r, sqrt(4.0), s, lam, g, h, t, u, x, y, p, q, obj2, -a, ~a, +a, not a, a is None, a in b, ok

def exc(n):
    try:
        if n:
            raise ValueError("x") from None
        return 1
    except ValueError as err:
        return err
    except (TypeError, KeyError):
        raise
    finally:
        n = 0

def misc(n):
    with open("f") as fh:
        fh.read()
    for i in [1, 2]:
        if i == 2:
            break
        continue
    else:
        pass
    while n:
        n -= 1
    assert n == 0, "n"
    global G
    G = 5
    del G

class C:
    def m(self, v):
        self.v = v
        del self.v
        return super().m(v)

def arith(a, b):
    x = a + 1
    x = a - 1
    x = a * 3
    x = a // 2
    x = a % 2
    x = a / 2
    x = a ** 2
    x = a << 2
    x = a >> 1
    x = a & 3
    x = a | 3
    x = a ^ 3
    y = b + 1
    y = b - a
    y = b * b
    y = b / 2
    y = b // 2
    y = b % 2
    y = b ** 2
    z = a < b, a <= 3, a == b, a != 3, b > 1.0, b >= a
    return x, y, z

print(plain(1, 2), closure(1), exc(0), misc(1), C, arith(3, 2.0), arith(2 ** 70, 1.5), BIG)

# IR-DAG: = const.int{{( |$)}}
# IR-DAG: = const.float{{( |$)}}
# IR-DAG: = const.bool{{( |$)}}
# IR-DAG: = const.none{{( |$)}}
# IR-DAG: = const.qstr{{( |$)}}
# IR-DAG: = const.obj{{( |$)}}
# IR-DAG: = load{{( |$)}}
# IR-DAG: {{^  }}store{{( |$)}}
# IR-DAG: {{^  }}del{{( |$)}}
# IR-DAG: = load.cell{{( |$)}}
# IR-DAG: {{^  }}store.cell{{( |$)}}
# IR-DAG: {{^  }}del.cell{{( |$)}}
# IR-DAG: = cell{{( |$)}}
# IR-DAG: = load.global{{( |$)}}
# IR-DAG: {{^  }}store.global{{( |$)}}
# IR-DAG: {{^  }}del.global{{( |$)}}
# IR-DAG: = load.attr{{( |$)}}
# IR-DAG: {{^  }}store.attr{{( |$)}}
# IR-DAG: {{^  }}del.attr{{( |$)}}
# IR-DAG: = call{{( |$)}}
# IR-DAG: = call.method{{( |$)}}
# IR-DAG: = call.ex{{( |$)}}
# IR-DAG: = call.direct{{( |$)}}
# IR-DAG: = binary{{( |$)}}
# IR-DAG: = unary{{( |$)}}
# IR-DAG: = is{{( |$)}}
# IR-DAG: = truth{{( |$)}}
# IR-DAG: = not{{( |$)}}
# IR-DAG: = to.index{{( |$)}}
# IR-DAG: = sqrt{{( |$)}}
# IR-DAG: = len{{( |$)}}
# IR-DAG: = build.tuple{{( |$)}}
# IR-DAG: = build.list{{( |$)}}
# IR-DAG: = build.set{{( |$)}}
# IR-DAG: = build.dict{{( |$)}}
# IR-DAG: = build.slice{{( |$)}}
# IR-DAG: {{^  }}list.append{{( |$)}}
# IR-DAG: {{^  }}list.extend{{( |$)}}
# IR-DAG: = list.to_tuple{{( |$)}}
# IR-DAG: {{^  }}set.add{{( |$)}}
# IR-DAG: {{^  }}dict.store{{( |$)}}
# IR-DAG: {{^  }}dict.update{{( |$)}}
# IR-DAG: = subscr{{( |$)}}
# IR-DAG: {{^  }}store.subscr{{( |$)}}
# IR-DAG: {{^  }}del.subscr{{( |$)}}
# IR-DAG: = unpack{{( |$)}}
# IR-DAG: = unpack.ex{{( |$)}}
# IR-DAG: = tuple.item{{( |$)}}
# IR-DAG: = iter{{( |$)}}
# IR-DAG: = make.function{{( |$)}}
# IR-DAG: = load.build_class{{( |$)}}
# IR-DAG: = import{{( |$)}}
# IR-DAG: = import.from{{( |$)}}
# IR-DAG: {{^  }}try.pop{{( |$)}}
# IR-DAG: = caught{{( |$)}}
# IR-DAG: = exc.match{{( |$)}}
# IR-DAG: {{^  }}jump{{( |$)}}
# IR-DAG: {{^  }}branch{{( |$)}}
# IR-DAG: {{^  }}return{{( |$)}}
# IR-DAG: {{^  }}raise{{( |$)}}
# IR-DAG: {{^  }}reraise{{( |$)}}
# IR-DAG: {{^  }}for.iter{{( |$)}}
# IR-DAG: {{^  }}try.push{{( |$)}}

# SYMS: taipan_native_module_0
# SYMS: taipan_native_module_0
# SYMS: taipan_native_module_0
