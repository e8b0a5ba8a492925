# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
match x:
    case [*a, *b]:
        pass
# CPython 3.11 reports column 10: the start of the sequence pattern; ours points at the second star.
# CHECK:{{.*}}multiple-star-patterns.py:4:15: error: multiple starred names in sequence pattern [multiple-star-patterns]
# CHECK-NEXT:    case [*a, *b]:
# CHECK-NEXT:              ^
