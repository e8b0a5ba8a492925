# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def gen():
    a = yield = 1
# CHECK:{{.*}}assign-to-yield.py:4:9: error: assignment to yield expression not possible [assign-to-yield]
# CHECK-NEXT:    a = yield = 1
# CHECK-NEXT:        ^
