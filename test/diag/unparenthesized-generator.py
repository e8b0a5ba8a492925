# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
f(x for x in y, 1)
# CPython 3.11 capitalizes the message ("Generator expression ...").
# CHECK:{{.*}}unparenthesized-generator.py:3:3: error: generator expression must be parenthesized [unparenthesized-generator]
# CHECK-NEXT:f(x for x in y, 1)
# CHECK-NEXT:  ^
