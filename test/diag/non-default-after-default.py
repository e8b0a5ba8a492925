# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f(a=1, b):
    pass
# CHECK:{{.*}}non-default-after-default.py:3:12: error: non-default argument follows default argument [non-default-after-default]
# CHECK-NEXT:def f(a=1, b):
# CHECK-NEXT:           ^
