# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
from __future__ import nope
# CHECK:{{.*}}unknown-future-feature.py:3:1: error: future feature nope is not defined [unknown-future-feature]
# CHECK-NEXT:from __future__ import nope
# CHECK-NEXT:^
