# The prelude: signature fields, argument names and the simple name.
# RUN: %taipan compile --emit=bytecode %s | FileCheck %s
# REQUIRES: bytecode-emitter

def f(a, b=2, *args, c, d=4, **kwargs):
    return a


async def g(x):
    return x

# CHECK: module '{{.*}}prelude.py': {{[0-9]+}} qstrs
# CHECK: code '<module>' [0]
# CHECK-NEXT: signature: n_state={{[0-9]+}} n_exc_stack=0 flags=0x0 n_pos_args=0 n_kwonly_args=0 n_def_pos_args=0
# CHECK: MAKE_FUNCTION_DEFARGS child 0 'f'
# CHECK-NEXT: STORE_NAME 'f'
# CHECK: RETURN_VALUE

# Scope flags: 0x2 varkeywords | 0x4 varargs | 0x8 keyword defaults.
# CHECK: code 'f' [0.0]
# CHECK-NEXT: signature: n_state={{[0-9]+}} n_exc_stack=0 flags=0xe n_pos_args=2 n_kwonly_args=2 n_def_pos_args=1
# Keyword-only names may come in either order (MicroPython puts defaulted ones first).
# CHECK-NEXT: args: 'a' 'b' '{{[cd]}}' '{{[cd]}}'
# CHECK-NEXT: cells:{{$}}
# CHECK-NEXT: lines:
# CHECK-NEXT: LOAD_FAST_MULTI 0
# CHECK-NEXT: RETURN_VALUE

# An async function is a generator.
# CHECK: code 'g' [0.1]
# CHECK-NEXT: signature: n_state={{[0-9]+}} n_exc_stack=0 flags=0x1 n_pos_args=1
