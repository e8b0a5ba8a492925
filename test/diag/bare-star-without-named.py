# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f(a, *):
    pass
# CHECK:{{.*}}bare-star-without-named.py:3:10: error: named arguments must follow bare * [bare-star-without-named]
# CHECK-NEXT:def f(a, *):
# CHECK-NEXT:         ^
