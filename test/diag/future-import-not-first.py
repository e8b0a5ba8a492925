# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
import os
from __future__ import annotations
# CHECK:{{.*}}future-import-not-first.py:4:1: error: from __future__ imports must occur at the beginning of the file [future-import-not-first]
# CHECK-NEXT:from __future__ import annotations
# CHECK-NEXT:^
