# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
match x:
    case y:
        pass
    case 1:
        pass
# CHECK:{{.*}}irrefutable-pattern-not-last.py:4:10: error: name capture 'y' makes remaining patterns unreachable [irrefutable-pattern-not-last]
# CHECK-NEXT:    case y:
# CHECK-NEXT:         ^
