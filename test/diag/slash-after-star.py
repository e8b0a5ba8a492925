# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f(*, a, /):
    pass
# CHECK:{{.*}}slash-after-star.py:3:13: error: / must be ahead of * [slash-after-star]
# CHECK-NEXT:def f(*, a, /):
# CHECK-NEXT:            ^
