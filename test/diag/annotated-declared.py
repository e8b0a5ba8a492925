# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f():
    x: int
    global x
# CHECK:{{.*}}annotated-declared.py:5:5: error: annotated name 'x' can't be global [annotated-declared]
# CHECK-NEXT:    global x
# CHECK-NEXT:    ^
