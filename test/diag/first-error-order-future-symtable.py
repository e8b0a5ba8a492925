# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
import os
from __future__ import annotations
def f():
    nonlocal x
# CPython 3.11 checks the position of future imports in its compiler, after the
# symbol table, so the nonlocal error comes first.
# CHECK:{{.*}}first-error-order-future-symtable.py:6:5: error: no binding for nonlocal 'x' found [nonlocal-without-binding]
# CHECK-NEXT:    nonlocal x
# CHECK-NEXT:    ^
