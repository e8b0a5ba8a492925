# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
return 1
def f():
    nonlocal x
# CPython reports symbol-table errors (nonlocal) before compiler errors (return).
# CHECK:{{.*}}first-error-order-scope.py:5:5: error: no binding for nonlocal 'x' found [nonlocal-without-binding]
# CHECK-NEXT:    nonlocal x
# CHECK-NEXT:    ^
