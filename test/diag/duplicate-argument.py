# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f(a, b, a):
    pass
# CHECK:{{.*}}duplicate-argument.py:3:13: error: duplicate argument 'a' in function definition [duplicate-argument]
# CHECK-NEXT:def f(a, b, a):
# CHECK-NEXT:            ^
