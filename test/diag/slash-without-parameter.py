# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f(/, a):
    pass
# CHECK:{{.*}}slash-without-parameter.py:3:7: error: at least one argument must precede / [slash-without-parameter]
# CHECK-NEXT:def f(/, a):
# CHECK-NEXT:      ^
