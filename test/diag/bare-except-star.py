# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
try:
    pass
except*:
    pass
# CHECK:{{.*}}bare-except-star.py:5:8: error: expected one or more exception types [bare-except-star]
# CHECK-NEXT:except*:
# CHECK-NEXT:       ^
