# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
match x:
    case [a, a]:
        pass
# CHECK:{{.*}}duplicate-pattern-name.py:4:14: error: multiple assignments to name 'a' in pattern [duplicate-pattern-name]
# CHECK-NEXT:    case [a, a]:
# CHECK-NEXT:             ^
