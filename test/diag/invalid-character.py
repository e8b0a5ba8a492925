# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
total = price × 2
# CHECK:{{.*}}invalid-character.py:3:15: error: invalid character '×' (U+00D7) [invalid-character]
# CHECK-NEXT:total = price × 2
# CHECK-NEXT:              ^
