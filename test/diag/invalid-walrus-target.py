# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
if (a.b := 1):
    pass
# CHECK:{{.*}}invalid-walrus-target.py:3:5: error: cannot use assignment expressions with attribute [invalid-walrus-target]
# CHECK-NEXT:if (a.b := 1):
# CHECK-NEXT:    ^
