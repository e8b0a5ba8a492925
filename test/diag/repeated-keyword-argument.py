# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
f(a=1, a=2)
# CHECK:{{.*}}repeated-keyword-argument.py:3:8: error: keyword argument repeated: a [repeated-keyword-argument]
# CHECK-NEXT:f(a=1, a=2)
# CHECK-NEXT:       ^
