# Definite assignment: a load gets maybe-unbound only where some path
# reaches it with the variable unbound (never assigned, or deleted).
# RUN: %taipan compile --emit=ir %s | FileCheck %s

def f(c, p):
    if c:
        x = 1
    y = 2
    print(x, y, p)
    x = 3
    print(x)
    del x
    print(x)

# CHECK-LABEL: function f (native)
# CHECK: load x maybe-unbound
# CHECK-NEXT: load y{{$}}
# CHECK-NEXT: load p{{$}}
# CHECK: store x,
# CHECK: load x{{$}}
# CHECK: del x
# CHECK: load x maybe-unbound

# A variable assigned inside a try region is not sure to be bound in the
# handler; one assigned before the region is.
def g(a):
    b = a
    try:
        c = a()
    except:
        return b, c
    return c

# CHECK-LABEL: function g (native)
# CHECK: store c,
# CHECK: load c{{$}}
# CHECK: caught 0
# CHECK: load b{{$}}
# CHECK-NEXT: load c maybe-unbound

# A local that may be read unbound keeps a type held in a Value word (null
# marks it unbound); a float one becomes object.
def h(n):
    for i in range(n):
        d = {}
        k = i
        x = i / 2
    return d, k, x

# CHECK-LABEL: function h (native)
# CHECK: d:dict[object, object] var
# CHECK: k:int var
# CHECK: x:object var
# CHECK: dict[object, object] = load d maybe-unbound
# CHECK: int = load k maybe-unbound
# CHECK: object = load x maybe-unbound
