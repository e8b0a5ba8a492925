# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
*a = b
# CHECK:{{.*}}lone-starred-target.py:3:1: error: starred assignment target must be in a list or tuple [lone-starred-target]
# CHECK-NEXT:*a = b
# CHECK-NEXT:^
