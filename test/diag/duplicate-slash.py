# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f(a, /, b, /):
    pass
# CHECK:{{.*}}duplicate-slash.py:3:16: error: / may appear only once [duplicate-slash]
# CHECK-NEXT:def f(a, /, b, /):
# CHECK-NEXT:               ^
