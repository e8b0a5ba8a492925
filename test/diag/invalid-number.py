# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = 0x
# CHECK:{{.*}}invalid-number.py:3:6: error: invalid hexadecimal literal [invalid-number]
# CHECK-NEXT:x = 0x
# CHECK-NEXT:     ^
