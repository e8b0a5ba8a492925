# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = 0123
# CHECK:{{.*}}leading-zeros.py:3:5: error: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers [leading-zeros]
# CHECK-NEXT:x = 0123
# CHECK-NEXT:    ^
