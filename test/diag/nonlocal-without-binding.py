# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f():
    nonlocal x
# CHECK:{{.*}}nonlocal-without-binding.py:4:5: error: no binding for nonlocal 'x' found [nonlocal-without-binding]
# CHECK-NEXT:    nonlocal x
# CHECK-NEXT:    ^
