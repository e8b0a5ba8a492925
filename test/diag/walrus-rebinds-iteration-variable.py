# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
x = [a := 1 for a in b]
# CHECK:{{.*}}walrus-rebinds-iteration-variable.py:3:6: error: assignment expression cannot rebind comprehension iteration variable 'a' [walrus-rebinds-iteration-variable]
# CHECK-NEXT:x = [a := 1 for a in b]
# CHECK-NEXT:     ^
