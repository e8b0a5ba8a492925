# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
f(a.b=1)
# CHECK:{{.*}}invalid-keyword-argument.py:3:3: error: expression cannot contain assignment, perhaps you meant "=="? [invalid-keyword-argument]
# CHECK-NEXT:f(a.b=1)
# CHECK-NEXT:  ^
