# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = f(1))
# CHECK:{{.*}}unmatched-bracket.py:3:9: error: unmatched ')' [unmatched-bracket]
# CHECK-NEXT:x = f(1))
# CHECK-NEXT:        ^
