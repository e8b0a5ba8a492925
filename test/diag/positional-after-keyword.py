# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
f(a=1, 2)
# CPython 3.11 reports column 9: the token after the argument; ours points at the argument.
# CHECK:{{.*}}positional-after-keyword.py:3:8: error: positional argument follows keyword argument [positional-after-keyword]
# CHECK-NEXT:f(a=1, 2)
# CHECK-NEXT:       ^
