# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f(x):
    global x
# CHECK:{{.*}}parameter-declared.py:4:5: error: name 'x' is parameter and global [parameter-declared]
# CHECK-NEXT:    global x
# CHECK-NEXT:    ^
