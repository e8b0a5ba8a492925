# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
if x
    pass
# CHECK:{{.*}}expected.py:3:5: error: expected ':' [expected]
# CHECK-NEXT:if x
# CHECK-NEXT:    ^
