# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
s = f'{a["\n"]}'
# CPython 3.11 reports column 17: it points just past the end of the f-string; ours points at the offending character.
# CHECK:{{.*}}fstring-backslash.py:3:11: error: f-string expression part cannot include a backslash [fstring-backslash]
# CHECK-NEXT:s = f'{a["\n"]}'
# CHECK-NEXT:          ^
