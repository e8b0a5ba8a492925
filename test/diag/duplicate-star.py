# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f(*a, *b):
    pass
# CHECK:{{.*}}duplicate-star.py:3:11: error: * argument may appear only once [duplicate-star]
# CHECK-NEXT:def f(*a, *b):
# CHECK-NEXT:          ^
