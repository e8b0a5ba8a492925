# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
s = f'{a)}'
# CPython 3.11 reports column 12: it points just past the end of the f-string; ours points at the offending character.
# CHECK:{{.*}}fstring-unmatched.py:3:9: error: f-string: unmatched ')' [fstring-unmatched]
# CHECK-NEXT:s = f'{a)}'
# CHECK-NEXT:        ^
