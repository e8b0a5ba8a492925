# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
nonlocal x
# CHECK:{{.*}}nonlocal-at-module-level.py:3:1: error: nonlocal declaration not allowed at module level [nonlocal-at-module-level]
# CHECK-NEXT:nonlocal x
# CHECK-NEXT:^
