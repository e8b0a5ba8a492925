# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
s = f'a}b'
# CPython 3.11 reports column 11: it points just past the end of the f-string; ours points at the offending character.
# CHECK:{{.*}}fstring-single-brace.py:3:8: error: f-string: single '}' is not allowed [fstring-single-brace]
# CHECK-NEXT:s = f'a}b'
# CHECK-NEXT:       ^
