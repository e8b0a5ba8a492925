# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
a, b: int
# CHECK:{{.*}}invalid-annotated-target.py:3:1: error: only single target (not tuple) can be annotated [invalid-annotated-target]
# CHECK-NEXT:a, b: int
# CHECK-NEXT:^
