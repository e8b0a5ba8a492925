# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f():
    print(x)
    global x
# CHECK:{{.*}}used-before-declaration.py:5:5: error: name 'x' is used prior to global declaration [used-before-declaration]
# CHECK-NEXT:    global x
# CHECK-NEXT:    ^
