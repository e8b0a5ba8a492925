# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f():
    return [(yield x) for x in y]
# CHECK:{{.*}}yield-in-comprehension.py:4:14: error: 'yield' inside list comprehension [yield-in-comprehension]
# CHECK-NEXT:    return [(yield x) for x in y]
# CHECK-NEXT:             ^
