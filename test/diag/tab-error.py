# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
if x:
	y = 1
        z = 2
# CPython 3.11 reports column 1: the start of the line; ours points at the first character after the indentation.
# CHECK:{{.*}}tab-error.py:5:9: error: inconsistent use of tabs and spaces in indentation [tab-error]
# CHECK-NEXT:        z = 2
# CHECK-NEXT:        ^
