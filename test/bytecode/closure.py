# Closures: cells in the prelude, MAKE_CLOSURE's cell count, LOAD/STORE_DEREF.
# RUN: %taipan compile --emit=bytecode %s | FileCheck %s
# REQUIRES: bytecode-emitter

def outer(a):
    b = 1

    def inner():
        nonlocal b
        b = a + b
        return b

    return inner

# CHECK: code 'outer' [0.0]
# CHECK-NEXT: signature: {{.*}} n_pos_args=1 n_kwonly_args=0 n_def_pos_args=0
# CHECK-NEXT: args: 'a'
# CHECK-NEXT: cells: 0 [[B:[0-9]+]]
# CHECK: STORE_DEREF [[B]]
# CHECK: MAKE_CLOSURE child 0 'inner' extra=0x2
# The closed-over cells are inner's first arguments.
# CHECK: code 'inner' [0.0.0]
# CHECK-NEXT: signature: {{.*}} n_pos_args=2
# CHECK: LOAD_DEREF {{[01]}}
# CHECK: BINARY_OP_MULTI Add
# CHECK: STORE_DEREF {{[01]}}
