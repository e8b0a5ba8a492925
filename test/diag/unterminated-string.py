# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = 'abc
# CHECK:{{.*}}unterminated-string.py:3:5: error: unterminated string literal (detected at line 3) [unterminated-string]
# CHECK-NEXT:x = 'abc
# CHECK-NEXT:    ^
