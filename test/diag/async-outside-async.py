# RUN: not %taipan compile -fsyntax-only %s 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
# RUN: %python %tools/cpython_rejects.py %s
def f():
    async with x:
        pass
# CHECK:{{.*}}async-outside-async.py:4:5: error: 'async with' outside async function [async-outside-async]
# CHECK-NEXT:    async with x:
# CHECK-NEXT:    ^
