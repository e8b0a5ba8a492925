# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f():
    from os import *
# CPython 3.11 points at the '*', which is what is wrong here.
# CHECK:{{.*}}import-star-not-at-module.py:4:20: error: import * only allowed at module level [import-star-not-at-module]
# CHECK-NEXT:    from os import *
# CHECK-NEXT:                   ^
