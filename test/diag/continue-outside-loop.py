# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
if x:
    continue
# CHECK:{{.*}}continue-outside-loop.py:4:5: error: 'continue' not properly in loop [continue-outside-loop]
# CHECK-NEXT:    continue
# CHECK-NEXT:    ^
