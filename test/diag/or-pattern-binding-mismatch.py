# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
match x:
    case [a] | [b]:
        pass
# CPython 3.11 reports column 17: the capture inside the alternative; ours points at the alternative.
# CHECK:{{.*}}or-pattern-binding-mismatch.py:4:16: error: alternative patterns bind different names [or-pattern-binding-mismatch]
# CHECK-NEXT:    case [a] | [b]:
# CHECK-NEXT:               ^
