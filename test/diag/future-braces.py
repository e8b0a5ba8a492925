# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
from __future__ import braces
# CHECK:{{.*}}future-braces.py:3:1: error: not a chance [future-braces]
# CHECK-NEXT:from __future__ import braces
# CHECK-NEXT:^
