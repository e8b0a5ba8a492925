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
