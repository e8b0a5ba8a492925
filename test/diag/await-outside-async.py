# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f():
    await x
# CHECK:{{.*}}await-outside-async.py:4:5: error: 'await' outside async function [await-outside-async]
# CHECK-NEXT:    await x
# CHECK-NEXT:    ^
