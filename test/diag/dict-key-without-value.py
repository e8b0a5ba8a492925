# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
settings = {"mode": 1, "speed"}
# CHECK:{{.*}}dict-key-without-value.py:3:24: error: ':' expected after dictionary key [dict-key-without-value]
# CHECK-NEXT:settings = {"mode": 1, "speed"}
# CHECK-NEXT:                       ^
