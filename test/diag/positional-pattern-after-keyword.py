# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
match x:
    case C(a=1, b):
        pass
# CHECK:{{.*}}positional-pattern-after-keyword.py:4:17: error: positional patterns follow keyword patterns [positional-pattern-after-keyword]
# CHECK-NEXT:    case C(a=1, b):
# CHECK-NEXT:                ^
