# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = 1
    y = 2
# CPython 3.11 reports column 4: the last column of the indentation; ours points at the first character after it.
# CHECK:{{.*}}unexpected-indent.py:4:5: error: unexpected indent [unexpected-indent]
# CHECK-NEXT:    y = 2
# CHECK-NEXT:    ^
