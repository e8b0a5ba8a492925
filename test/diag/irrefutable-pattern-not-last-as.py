# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
match cmd:
    case (c as cmd2):
        pass
    case _:
        pass
# The capture inside the as-pattern is what makes the case irrefutable.
# CHECK:{{.*}}irrefutable-pattern-not-last-as.py:4:11: error: name capture 'c' makes remaining patterns unreachable [irrefutable-pattern-not-last]
# CHECK-NEXT:    case (c as cmd2):
# CHECK-NEXT:          ^
