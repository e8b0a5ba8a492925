# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
match x:
    case C(a=1, a=2):
        pass
# CPython 3.11 reports column 19: the repeated keyword's value pattern; ours points at the repeated name.
# CHECK:{{.*}}duplicate-keyword-pattern.py:4:17: error: attribute name repeated in class pattern: a [duplicate-keyword-pattern]
# CHECK-NEXT:    case C(a=1, a=2):
# CHECK-NEXT:                ^
