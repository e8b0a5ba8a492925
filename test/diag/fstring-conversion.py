# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
s = f'{a!x}'
# CPython 3.11 reports column 13: it points just past the end of the f-string; ours points at the offending character.
# CHECK:{{.*}}fstring-conversion.py:3:10: error: f-string: invalid conversion character: expected 's', 'r', or 'a' [fstring-conversion]
# CHECK-NEXT:s = f'{a!x}'
# CHECK-NEXT:         ^
