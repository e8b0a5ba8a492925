# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = 0b102
# CHECK:{{.*}}invalid-digit.py:3:9: error: invalid digit '2' in binary literal [invalid-digit]
# CHECK-NEXT:x = 0b102
# CHECK-NEXT:        ^
