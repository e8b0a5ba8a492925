# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = [a for a in (b := c)]
# CHECK:{{.*}}walrus-in-comprehension-iterable.py:3:18: error: assignment expression cannot be used in a comprehension iterable expression [walrus-in-comprehension-iterable]
# CHECK-NEXT:x = [a for a in (b := c)]
# CHECK-NEXT:                 ^
