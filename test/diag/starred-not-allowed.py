# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = *a
# CPython 3.11 says "can't use starred expression here" for this one (compiler), and
# "cannot ..." where its parser finds the error (see starred-not-allowed-parenthesized.py).
# CHECK:{{.*}}starred-not-allowed.py:3:5: error: cannot use starred expression here [starred-not-allowed]
# CHECK-NEXT:x = *a
# CHECK-NEXT:    ^
