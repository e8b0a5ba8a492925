# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f(**a=1):
    pass
# CHECK:{{.*}}var-arg-default-kwargs.py:3:10: error: var-keyword argument cannot have default value [var-arg-default]
# CHECK-NEXT:def f(**a=1):
# CHECK-NEXT:         ^
