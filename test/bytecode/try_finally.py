# try/finally and try/except: handler setup, END_FINALLY, the exception stack.
# RUN: %taipan compile --emit=bytecode %s | FileCheck %s
# REQUIRES: bytecode-emitter

def f(x):
    try:
        g(x)
    finally:
        h()


def e(x):
    try:
        g(x)
    except ValueError as err:
        h(err)

# CHECK: code 'f' [0.0]
# CHECK-NEXT: signature: n_state={{[0-9]+}} n_exc_stack=1
# CHECK: SETUP_FINALLY -> [[FINALLY:[0-9]+]]
# CHECK: LOAD_GLOBAL 'g'
# CHECK: LOAD_CONST_NONE
# CHECK-NEXT: [[FINALLY]] LOAD_GLOBAL 'h'
# CHECK: END_FINALLY

# CHECK: code 'e' [0.1]
# CHECK-NEXT: signature: n_state={{[0-9]+}} n_exc_stack={{[12]}}
# CHECK: SETUP_EXCEPT -> [[HANDLER:[0-9]+]]
# CHECK: POP_EXCEPT_JUMP
# CHECK: [[HANDLER]] DUP_TOP
# CHECK-NEXT: LOAD_GLOBAL 'ValueError'
# CHECK-NEXT: BINARY_OP_MULTI ExceptionMatch
# CHECK: END_FINALLY
