# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = 1 +
# CHECK:{{.*}}invalid-syntax.py:3:8: error: invalid syntax [invalid-syntax]
# CHECK-NEXT:x = 1 +
# CHECK-NEXT:       ^
