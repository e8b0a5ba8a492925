# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
del f()
# CHECK:{{.*}}invalid-delete-target.py:3:5: error: cannot delete function call [invalid-delete-target]
# CHECK-NEXT:del f()
# CHECK-NEXT:    ^
