# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
yield 1
# CHECK:{{.*}}yield-outside-function.py:3:1: error: 'yield' outside function [yield-outside-function]
# CHECK-NEXT:yield 1
# CHECK-NEXT:^
