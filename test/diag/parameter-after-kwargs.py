# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f(**a, b):
    pass
# CHECK:{{.*}}parameter-after-kwargs.py:3:12: error: arguments cannot follow var-keyword argument [parameter-after-kwargs]
# CHECK-NEXT:def f(**a, b):
# CHECK-NEXT:           ^
