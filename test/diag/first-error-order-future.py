# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
import os
from __future__ import annotations
x = = 1
# A misplaced future import is a compile-time error; the parse error comes first.
# CHECK:{{.*}}first-error-order-future.py:5:5: error: invalid syntax [invalid-syntax]
# CHECK-NEXT:x = = 1
# CHECK-NEXT:    ^
