# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
a, b += 1
# CHECK:{{.*}}invalid-augassign-target.py:3:1: error: 'tuple' is an illegal expression for augmented assignment [invalid-augassign-target]
# CHECK-NEXT:a, b += 1
# CHECK-NEXT:^
