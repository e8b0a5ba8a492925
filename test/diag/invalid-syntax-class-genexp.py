# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
class C(x for x in y):
    pass
# A bare generator expression is allowed as the only argument of a call, not as
# the bases of a class.
# CHECK:{{.*}}invalid-syntax-class-genexp.py:3:11: error: invalid syntax [invalid-syntax]
# CHECK-NEXT:class C(x for x in y):
# CHECK-NEXT:          ^
