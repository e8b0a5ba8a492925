# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f(*a=1):
    pass
# CHECK:{{.*}}var-arg-default.py:3:9: error: var-positional argument cannot have default value [var-arg-default]
# CHECK-NEXT:def f(*a=1):
# CHECK-NEXT:        ^
