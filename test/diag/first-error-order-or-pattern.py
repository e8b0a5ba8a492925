# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
match x:
    case 1 | y:
        pass
    case 1:
        pass
# The alternatives also bind different names, but CPython finds the irrefutable
# alternative while compiling it, before it compares the alternatives' names.
# CHECK:{{.*}}first-error-order-or-pattern.py:4:14: error: name capture 'y' makes remaining patterns unreachable [irrefutable-pattern-not-last]
# CHECK-NEXT:    case 1 | y:
# CHECK-NEXT:             ^
