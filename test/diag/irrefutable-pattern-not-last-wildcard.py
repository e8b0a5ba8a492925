# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
match x:
    case _:
        pass
    case 1:
        pass
# CHECK:{{.*}}irrefutable-pattern-not-last-wildcard.py:4:10: error: wildcard makes remaining patterns unreachable [irrefutable-pattern-not-last]
# CHECK-NEXT:    case _:
# CHECK-NEXT:         ^
