# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
s = f'{a:{b:{c}}}'
# CPython 3.11 reports column 19: it points just past the end of the f-string; ours points at the offending character.
# CHECK:{{.*}}fstring-nesting.py:3:13: error: f-string: expressions nested too deeply [fstring-nesting]
# CHECK-NEXT:s = f'{a:{b:{c}}}'
# CHECK-NEXT:            ^
