# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = {**a for a in b}
# CHECK:{{.*}}unpacking-in-comprehension-dict.py:3:6: error: dict unpacking cannot be used in dict comprehension [unpacking-in-comprehension]
# CHECK-NEXT:x = {**a for a in b}
# CHECK-NEXT:     ^
