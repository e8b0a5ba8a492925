# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = (**a)
# CHECK:{{.*}}double-star-not-allowed.py:3:6: error: cannot use double starred expression here [double-star-not-allowed]
# CHECK-NEXT:x = (**a)
# CHECK-NEXT:     ^
