# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
*a, *b = c
# CPython 3.11 reports column 1: the start of the target list; ours points at the second starred target.
# CHECK:{{.*}}multiple-starred-targets.py:3:5: error: multiple starred expressions in assignment [multiple-starred-targets]
# CHECK-NEXT:*a, *b = c
# CHECK-NEXT:    ^
