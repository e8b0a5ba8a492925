# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
await x
# CHECK:{{.*}}await-outside-function.py:3:1: error: 'await' outside function [await-outside-function]
# CHECK-NEXT:await x
# CHECK-NEXT:^
