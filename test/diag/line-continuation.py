# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = 1 + \ 2
# CHECK:{{.*}}line-continuation.py:3:10: error: unexpected character after line continuation character [line-continuation]
# CHECK-NEXT:x = 1 + \ 2
# CHECK-NEXT:         ^
