# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f():
    x = 1
    def g():
        global x
        nonlocal x
# CHECK:{{.*}}nonlocal-and-global.py:6:9: error: name 'x' is nonlocal and global [nonlocal-and-global]
# CHECK-NEXT:        global x
# CHECK-NEXT:        ^
