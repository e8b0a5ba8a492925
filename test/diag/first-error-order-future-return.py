# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
return 1
from __future__ import annotations
# Both are CPython compiler errors, reported in source order.
# CHECK:{{.*}}first-error-order-future-return.py:3:1: error: 'return' outside function [return-outside-function]
# CHECK-NEXT:return 1
# CHECK-NEXT:^
