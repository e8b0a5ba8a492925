# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
class C:
    x = [(y := a) for a in b]
# CHECK:{{.*}}walrus-in-class-comprehension.py:4:11: error: assignment expression within a comprehension cannot be used in a class body [walrus-in-class-comprehension]
# CHECK-NEXT:    x = [(y := a) for a in b]
# CHECK-NEXT:          ^
