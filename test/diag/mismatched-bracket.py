# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = (1, 2]
# CHECK:{{.*}}mismatched-bracket.py:3:10: error: closing parenthesis ']' does not match opening parenthesis '(' [mismatched-bracket]
# CHECK-NEXT:x = (1, 2]
# CHECK-NEXT:         ^
