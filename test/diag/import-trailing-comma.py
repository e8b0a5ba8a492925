# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
from os import path,
# CPython 3.11 reports column 21: the end of the line; ours points at the comma.
# CHECK:{{.*}}import-trailing-comma.py:3:20: error: trailing comma not allowed without surrounding parentheses [import-trailing-comma]
# CHECK-NEXT:from os import path,
# CHECK-NEXT:                   ^
