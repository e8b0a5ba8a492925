# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
for f() in x:
    pass
# CHECK:{{.*}}invalid-target.py:3:5: error: cannot assign to function call [invalid-target]
# CHECK-NEXT:for f() in x:
# CHECK-NEXT:    ^
