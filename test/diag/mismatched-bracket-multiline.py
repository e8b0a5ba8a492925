# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = (1,
     2]
# CHECK:{{.*}}mismatched-bracket-multiline.py:4:7: error: closing parenthesis ']' does not match opening parenthesis '(' on line 3 [mismatched-bracket]
# CHECK-NEXT:     2]
# CHECK-NEXT:      ^
