# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
if x:
    break
# CHECK:{{.*}}break-outside-loop.py:4:5: error: 'break' outside loop [break-outside-loop]
# CHECK-NEXT:    break
# CHECK-NEXT:    ^
