# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
if x:
        y = 1
    z = 2
# CPython 3.11 reports column 10: the end of the line; ours points at the first character after the indentation.
# CHECK:{{.*}}unindent-mismatch.py:5:5: error: unindent does not match any outer indentation level [unindent-mismatch]
# CHECK-NEXT:    z = 2
# CHECK-NEXT:    ^
