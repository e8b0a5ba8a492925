# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
f(**a, *b)
# CHECK:{{.*}}iterable-unpacking-after-keyword-unpacking.py:3:8: error: iterable argument unpacking follows keyword argument unpacking [iterable-unpacking-after-keyword-unpacking]
# CHECK-NEXT:f(**a, *b)
# CHECK-NEXT:       ^
