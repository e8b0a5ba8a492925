# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
del *a
# CHECK:{{.*}}invalid-delete-target-starred.py:3:5: error: cannot delete starred [invalid-delete-target]
# CHECK-NEXT:del *a
# CHECK-NEXT:    ^
