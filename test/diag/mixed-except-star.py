# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
try:
    pass
except ValueError:
    pass
except* TypeError:
    pass
# CHECK:{{.*}}mixed-except-star.py:7:1: error: cannot have both 'except' and 'except*' on the same 'try' [mixed-except-star]
# CHECK-NEXT:except* TypeError:
# CHECK-NEXT:^
