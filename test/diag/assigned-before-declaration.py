# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f():
    x = 1
    global x
# CHECK:{{.*}}assigned-before-declaration.py:5:5: error: name 'x' is assigned to before global declaration [assigned-before-declaration]
# CHECK-NEXT:    global x
# CHECK-NEXT:    ^
