# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
limits = [10, 20
          30, 40]
# Inside brackets, two expressions side by side: reported at the first one.
# CHECK:{{.*}}forgot-comma.py:3:15: error: invalid syntax. Perhaps you forgot a comma? [forgot-comma]
# CHECK-NEXT:limits = [10, 20
# CHECK-NEXT:              ^
