# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = [1, 2
# CHECK:{{.*}}unclosed-bracket.py:3:5: error: '[' was never closed [unclosed-bracket]
# CHECK-NEXT:x = [1, 2
# CHECK-NEXT:    ^
