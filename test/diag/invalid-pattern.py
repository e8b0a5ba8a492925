# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
match x:
    case 1 + 2:
        pass
# CHECK:{{.*}}invalid-pattern.py:4:14: error: imaginary number required in complex literal [invalid-pattern]
# CHECK-NEXT:    case 1 + 2:
# CHECK-NEXT:             ^
