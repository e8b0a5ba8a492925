# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f():
    nonlocal x
def g(a, a):
    pass
# CPython finds duplicate parameters while building the symbol table, and
# unbound nonlocals only when it analyses the finished table.
# CHECK:{{.*}}first-error-order-symtable-later.py:5:10: error: duplicate argument 'a' in function definition [duplicate-argument]
# CHECK-NEXT:def g(a, a):
# CHECK-NEXT:         ^
